import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlumeStack } from '../../lib/plume-stack';
import { fromRoot } from '../../lib/paths';
import { parseStackConfig, type PlumeStackConfig } from '../../lib/stack-config';
import { mergedTemplate, stackTemplates, type StackTemplate } from './stack-templates';

/** The feature flags of cdk.json, so tests synthesize exactly what `cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(fromRoot('cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

/** A stand-in for `web/dist`, so infra tests never depend on a dashboard build. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plume-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plume</title>');
  return dir;
}

export interface Synthesized {
  stack: PlumeStack;
  /**
   * The root template with the nested stacks' resources merged in (stack-templates.ts), so
   * assertions need not know which stack holds a resource.
   */
  template: Template;
  /** Each template CloudFormation deploys on its own (the root first, then the nested stacks). */
  templates: StackTemplate[];
  /** The cloud assembly directory (assets such as config.json live in `asset.<hash>/`). */
  outdir: string;
}

export interface SynthOptions {
  /** Add the cdk-nag AwsSolutions checks (as bin/app.ts does). */
  nag?: boolean;
  /**
   * Run CDK's built-in CloudFormation template validation (as `cdk synth` does). It costs
   * ~5 s per synth, so only the test that is about validity turns it on.
   */
  validate?: boolean;
}

/**
 * Synthesizes the stack the way `cdk synth` does, minus esbuild bundling
 * (`aws:cdk:bundling-stacks: []` keeps each run to seconds).
 */
export function synthesize(
  overrides: Partial<Record<keyof PlumeStackConfig, unknown>> = {},
  options: SynthOptions = {},
): Synthesized {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: options.validate ?? false,
  });
  // A verified sender is required; tests that are about mail pass their own.
  const config = parseStackConfig({
    webAssetPath: fakeWebDist(),
    ...(overrides.mailFromAddress === undefined ? { mailFromDomain: 'example.com' } : {}),
    ...overrides,
  });
  const stack = new PlumeStack(app, 'Plume', { config });
  if (options.nag) Aspects.of(stack).add(new AwsSolutionsChecks());
  const templates = stackTemplates(stack);
  return { stack, template: mergedTemplate(stack), templates, outdir: app.outdir };
}
