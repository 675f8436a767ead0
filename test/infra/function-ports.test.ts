import { beforeAll, describe, expect, it } from 'vitest';
import type { Capability } from '../../lib/function-access';
import { PlumeFunction } from '../../lib/plume-function';
import { bundledSources, portUsesByFile, type PortUse } from './port-usage';
import { synthesize } from './synth';
import { logicalIdOf, resourcesOf } from './template';

/**
 * The variable each capability sets (lib/plume-function.ts binds it together with the IAM grant,
 * and plume-stack.test.ts checks that pairing): its presence in the synthesized function is the grant.
 */
const CAPABILITY_VARIABLE: Record<Capability, string> = {
  queues: 'QUEUE_URLS',
  media: 'MEDIA_BUCKET',
  crypto: 'KMS_KEY_ID',
  mail: 'SES_CONFIGURATION_SET',
  realtime: 'WS_CALLBACK_URL',
  scheduler: 'SCHEDULER_ROLE_ARN',
  llm: 'LLM_PROVIDER',
  stripe: 'STRIPE_SECRET_ARN',
  'platform-apps': 'PLATFORM_APPS_SECRET_ARN',
};

interface Finding {
  fn: string;
  granted: Capability[];
  used: Capability[];
  /** Where each capability the function lacks is used. */
  missing: Record<string, string[]>;
  unused: Capability[];
}

describe('every function is granted exactly the ports its code uses', () => {
  const findings: Finding[] = [];

  beforeAll(async () => {
    const { stack, template } = synthesize();
    const resources = resourcesOf(template);
    const functions = stack.node.findAll().filter((c): c is PlumeFunction => c instanceof PlumeFunction);
    const entries = [...new Set(functions.map((fn) => fn.entry))];
    const sources = await bundledSources(entries);
    const uses = portUsesByFile([...new Set([...sources.values()].flat())]);

    for (const fn of functions) {
      const variables = (
        resources[logicalIdOf(fn)]!.Properties!.Environment as { Variables: Record<string, unknown> }
      ).Variables;
      const granted = (Object.keys(CAPABILITY_VARIABLE) as Capability[]).filter(
        (capability) => CAPABILITY_VARIABLE[capability] in variables,
      );
      const files = sources.get(fn.entry);
      if (!files) throw new Error(`esbuild produced no bundle for ${fn.entry}`);
      const fnUses: PortUse[] = files.flatMap((file) => uses.get(file) ?? []);
      const used = [...new Set(fnUses.map((use) => use.capability))].sort();
      const missing: Record<string, string[]> = {};
      for (const use of fnUses.filter((u) => !granted.includes(u.capability))) {
        (missing[use.capability] ??= []).push(use.where);
      }
      findings.push({
        fn: `${fn.node.path} (${fn.entry})`,
        granted: granted.sort(),
        used,
        missing,
        unused: granted.filter((capability) => !used.includes(capability)),
      });
    }
  }, 240_000);

  it('analyses every Plume function', () => {
    expect(findings.length).toBeGreaterThan(20);
  });

  it('grants every capability a function calls a port of (or it answers 500 in AWS after committing)', () => {
    const lacking = findings
      .filter((f) => Object.keys(f.missing).length > 0)
      .map((f) => ({ fn: f.fn, missing: f.missing }));
    expect(lacking).toEqual([]);
  });

  it('grants nothing a function never calls (least privilege)', () => {
    const excess = findings.filter((f) => f.unused.length > 0).map((f) => ({ fn: f.fn, unused: f.unused }));
    expect(excess).toEqual([]);
  });
});
