import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { PlumeFunction } from '../../lib/plume-function';
import type { PlumeStackConfig } from '../../lib/stack-config';
import { actionsOf, logicalIdOf, resourcesOf, statementsOfRole } from './template';

/**
 * The `llm` capability on its own (no deployed function calls the model before the AI
 * milestone, so the full stack cannot show it): one function in a small stack.
 */
function functionWithLlm(provider: PlumeStackConfig['llmProvider']) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'LlmAccess');
  const key = new secretsmanager.Secret(stack, 'AnthropicKey');
  const fn = new PlumeFunction(stack, 'Agent', {
    entry: 'functions/jobs/agent.ts',
    description: 'agent',
    service: 'agent',
    shared: { corsOrigins: [], version: '0.0.0', logRetention: logs.RetentionDays.ONE_DAY },
  }).useLlm(
    { provider, anthropicModel: 'claude-sonnet-4-6', bedrockModel: 'global.anthropic.claude-sonnet-4-6' },
    key,
  );
  const resources = resourcesOf(Template.fromStack(stack));
  const env = (resources[logicalIdOf(fn)]!.Properties!.Environment as { Variables: Record<string, unknown> })
    .Variables;
  const statements = statementsOfRole(resources, logicalIdOf(fn.role!));
  const actions = statements.flatMap(actionsOf);
  // Each Bedrock resource as written in the template (a Fn::Join of partition and region), flattened.
  const bedrockResources = statements
    .filter((statement) => actionsOf(statement).some((action) => action.startsWith('bedrock:')))
    .flatMap((statement) => [statement.Resource].flat())
    .map((resource) => flatten(resource));
  return { env, actions, keyId: logicalIdOf(key), bedrockResources };
}

function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(flatten).join(join[0]);
  return `\${${(value as { Ref?: string }).Ref ?? JSON.stringify(value)}}`;
}

// Synthesizing a stack, even a small one, takes tens of seconds on a busy machine.
describe('the llm capability', { timeout: 120_000 }, () => {
  it('with Bedrock: IAM access to Claude models, no Anthropic key', () => {
    const { env, actions, bedrockResources } = functionWithLlm('bedrock');
    expect(bedrockResources).toContain(
      'arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0',
    );
    expect(env).toMatchObject({
      LLM_PROVIDER: 'bedrock',
      BEDROCK_MODEL_ID: 'global.anthropic.claude-sonnet-4-6',
    });
    expect(env.ANTHROPIC_SECRET_ARN).toBeUndefined();
    expect(actions).toContain('bedrock:InvokeModel');
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
  });

  it('with the Anthropic API: the key secret, and of Bedrock only the Titan embeddings model', () => {
    const { env, actions, keyId, bedrockResources } = functionWithLlm('anthropic');
    expect(env).toMatchObject({
      LLM_PROVIDER: 'anthropic',
      LLM_MODEL: 'claude-sonnet-4-6',
      ANTHROPIC_SECRET_ARN: { Ref: keyId },
    });
    expect(actions).toContain('secretsmanager:GetSecretValue');
    expect(actions).not.toContain('bedrock:InvokeModelWithResponseStream');
    expect(bedrockResources).toEqual([
      'arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/amazon.titan-embed-text-v2:0',
    ]);
  });

  it('offline: no Bedrock and no key', () => {
    const { actions } = functionWithLlm('offline');
    expect(actions).not.toContain('bedrock:InvokeModel');
    expect(actions).not.toContain('secretsmanager:GetSecretValue');
  });
});
