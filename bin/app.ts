import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PlumeStack } from '../lib/plume-stack';
import { parseStackConfig, STACK_CONFIG_KEYS } from '../lib/stack-config';

/**
 * The CDK app: one Plume stack, configured from context (`cdk.json` or
 * `npx cdk deploy -c natMode=gateway -c alarmEmail=ops@example.com`). The stack is
 * environment-agnostic: it deploys to whichever account and region the CLI credentials
 * point at, and synthesizes offline.
 */
const app = new App();
const raw = Object.fromEntries(STACK_CONFIG_KEYS.map((key) => [key, app.node.tryGetContext(key)]));
const config = parseStackConfig(raw);
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'Plume';

new PlumeStack(app, stackName, {
  description: 'Plume: open-source AI social media management',
  config,
});

// Every synth (and so every deploy) is checked against the AWS Solutions rules; a new
// unsuppressed finding fails it.
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
