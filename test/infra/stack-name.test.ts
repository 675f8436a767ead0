import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { PlumeStack } from '../../lib/plume-stack';
import { parseStackConfig } from '../../lib/stack-config';
import { assertStackName, maxStackNameLength } from '../../lib/stack-name';
import { fakeWebDist } from './synth';

describe('stack name', () => {
  it('fits every name built from it: the longest dead-letter queue name caps it at 49 characters', () => {
    expect(maxStackNameLength()).toBe(49);
    expect(() => assertStackName('P'.repeat(49))).not.toThrow();
    expect(() => assertStackName('P'.repeat(50))).toThrow(
      /at most 49 fit \(the SQS dead-letter queue "P{50}-agent-engagement-optimizer-dlq" may have at most 80\)/,
    );
  });

  it("follows CloudFormation's rule", () => {
    for (const bad of ['plume_prod', '1plume', 'plume.prod', '']) {
      expect(() => assertStackName(bad), bad).toThrow(/start with a letter/);
    }
    expect(() => assertStackName('Plume-Prod-2')).not.toThrow();
  });

  it('is checked before anything is built, so synth fails with the reason', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const config = parseStackConfig({ webAssetPath: fakeWebDist(), mailFromDomain: 'example.com' });
    expect(() => new PlumeStack(app, 'plume-'.repeat(10), { config })).toThrow(/at most 49 fit/);
  });
});
