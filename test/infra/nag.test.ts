import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize, type Synthesized } from './synth';
import { resourcesOf } from './template';

const NAG_FINDING = Match.stringLikeRegexp('^(AwsSolutions-|CdkNagValidationFailure).*');

interface Suppression {
  id: string;
  reason: string;
  applies_to?: unknown[];
}

function expectNoFindings(synth: Synthesized): void {
  const annotations = Annotations.fromStack(synth.stack);
  const describe = (found: ReturnType<typeof annotations.findError>) =>
    found.map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);
  expect(describe(annotations.findError('*', NAG_FINDING))).toEqual([]);
  expect(describe(annotations.findWarning('*', NAG_FINDING))).toEqual([]);
}

function suppressionsOf(synth: Synthesized): Array<{ resource: string } & Suppression> {
  return Object.entries(resourcesOf(synth.template)).flatMap(([resource, r]) => {
    const nag = r.Metadata?.cdk_nag as { rules_to_suppress?: Suppression[] } | undefined;
    return (nag?.rules_to_suppress ?? []).map((s) => ({ resource, ...s }));
  });
}

describe('cdk-nag AwsSolutions checks', () => {
  let defaults: Synthesized;
  let synthError: unknown;

  beforeAll(() => {
    // Error findings (and invalid templates) fail synthesis itself, with the full report.
    try {
      defaults = synthesize({}, { nag: true, validate: true });
    } catch (error) {
      synthError = error;
    }
  });

  it('pass on the default configuration, and the template passes CloudFormation validation', () => {
    expect(synthError).toBeUndefined();
    expectNoFindings(defaults);
  });

  it('pass with every option switched on (no NAT, endpoints, proxy, mail, alarms, custom domain, CORS)', () => {
    const synth = synthesize(
      {
        natMode: 'none',
        useRdsProxy: true,
        alarmEmail: 'ops@example.com',
        mailFromDomain: 'example.com',
        domainName: 'plume.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
        corsOrigins: 'https://app.example.com',
        deletionProtection: true,
        llmProvider: 'bedrock',
      },
      { nag: true },
    );
    expectNoFindings(synth);
    // A second full synth with every construct: slow on a busy machine.
  }, 120_000);

  it('suppresses only with a specific reason, and IAM wildcards only finding by finding', () => {
    const suppressions = suppressionsOf(defaults);
    expect(suppressions.length).toBeGreaterThan(0);
    for (const s of suppressions) {
      expect(s.id, s.resource).toMatch(/^AwsSolutions-[A-Z]+[0-9]+$/);
      expect(s.reason.length, `${s.resource} ${s.id}: "${s.reason}"`).toBeGreaterThanOrEqual(60);
      if (s.id === 'AwsSolutions-IAM5' || s.id === 'AwsSolutions-IAM4') {
        expect(s.applies_to?.length, `${s.resource} ${s.id} must name its findings`).toBeGreaterThan(0);
      }
    }
  });
});
