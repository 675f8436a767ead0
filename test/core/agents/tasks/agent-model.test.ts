import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import * as z from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnthropicLlm } from '../../../../functions/adapters/aws/anthropic-llm';
import { BedrockLlm, createBedrockRuntimeClient } from '../../../../functions/adapters/aws/bedrock-llm';
import { EnvSecrets } from '../../../../functions/adapters/local/env-secrets';
import { HashingEmbedder } from '../../../../functions/adapters/local/hashing-embedder';
import { ManualClock } from '../../../../functions/adapters/local/manual-clock';
import { agentSettings, configureAgent } from '../../../../functions/core/agents/tasks/agent-settings';
import { requestAgentTask } from '../../../../functions/core/agents/tasks/request-task';
import { runAgentTask, type AgentTaskDeps } from '../../../../functions/core/agents/tasks/run-task';
import type { TaskHandler } from '../../../../functions/core/agents/tasks/task-handler';
import type { Llm } from '../../../../functions/core/ports';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { aiAgents, aiAgentTasks } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import {
  startAnthropicMessagesServer,
  type AnthropicMessagesServer,
} from '../../../adapters/support/anthropic-messages-server';
import {
  startBedrockConverseServer,
  type BedrockConverseServer,
} from '../../../adapters/support/bedrock-converse-server';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

/**
 * The per-agent model from the stored configuration to the wire: the task runner asks for the
 * content creator's own model, the Messages and Converse stand-ins record the model each
 * request named, and the task stores that model and its price.
 */

const oneCall: TaskHandler<{ text: string }, { said: string }> = {
  input: z.object({ text: z.string() }),
  output: z.object({ said: z.string() }),
  async run(context, input) {
    const answer = await context.llm.complete({
      messages: [{ role: 'user', content: input.text }],
      maxTokens: 50,
    });
    return { said: answer.text };
  },
};

describe('an agent’s own model', () => {
  let handle: DatabaseHandle;
  let messages: AnthropicMessagesServer;
  let converse: BedrockConverseServer;
  const clock = new ManualClock(new Date('2035-02-01T10:00:00Z'));

  const deps = (llm: Llm): AgentTaskDeps => ({
    db: handle.db,
    llm,
    embedder: new HashingEmbedder(),
    clock,
    realtime: { broadcast: async () => 1 },
    logger: { info: () => {}, warn: () => {} },
  });
  const anthropic = () =>
    new AnthropicLlm(new EnvSecrets({ ANTHROPIC_API_KEY: messages.apiKey }, tmpdir()), 'claude-sonnet-4-6', {
      client: { baseURL: messages.url },
    });
  const bedrock = () =>
    new BedrockLlm(
      createBedrockRuntimeClient({
        region: 'us-east-1',
        endpoint: converse.endpoint,
        credentials: { accessKeyId: converse.accessKeyId, secretAccessKey: 'stand-in-secret' },
      }),
      'global.anthropic.claude-sonnet-4-6',
    );

  async function runImprove(organizationId: string, llm: Llm) {
    const task = await withTenant(handle.db, organizationId, (tx) =>
      requestAgentTask(tx, {
        organizationId,
        userId: null,
        taskType: 'content.improve',
        input: { text: 'hello' },
        now: clock.now(),
      }),
    );
    await runAgentTask(deps(llm), { 'content.improve': oneCall as TaskHandler<unknown, unknown> }, task.id);
    const [row] = await withSystem(handle.db, (tx) =>
      tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.id, task.id)),
    );
    return row!;
  }

  beforeAll(async () => {
    handle = await getTestDatabase();
    messages = await startAnthropicMessagesServer();
    converse = await startBedrockConverseServer();
  });
  afterAll(async () => {
    await messages?.close();
    await converse?.close();
    await handle?.close();
  });
  beforeEach(() => {
    messages.reset();
    converse.reset();
  });

  it('reaches the Messages API as the agent’s model, and the task is priced at that model', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    await withTenant(handle.db, organizationId, (tx) =>
      configureAgent(tx, organizationId, 'content_creator', { configuration: { model: 'claude-haiku-4-5' } }),
    );
    messages.enqueue({ kind: 'text', text: 'hi', usage: { input_tokens: 10_000, output_tokens: 1_000 } });
    const task = await runImprove(organizationId, anthropic());
    expect(messages.requests.map((r) => r.body.model)).toEqual(['claude-haiku-4-5']);
    // Haiku 4.5: 10k × $1 + 1k × $5 per million = $0.015 (Sonnet 4.6 would be $0.045).
    expect(task).toMatchObject({ status: 'completed', modelUsed: 'claude-haiku-4-5', costUsd: 0.015 });
  });

  it('without a model of its own, an agent uses the installation’s', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    messages.enqueue({ kind: 'text', text: 'hi', usage: { input_tokens: 10_000, output_tokens: 1_000 } });
    const task = await runImprove(organizationId, anthropic());
    expect(messages.requests.map((r) => r.body.model)).toEqual(['claude-sonnet-4-6']);
    expect(task).toMatchObject({ modelUsed: 'claude-sonnet-4-6', costUsd: 0.045 });
  });

  it('reaches Converse as the Bedrock id through the configured profile', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    await withTenant(handle.db, organizationId, (tx) =>
      configureAgent(tx, organizationId, 'content_creator', { configuration: { model: 'claude-opus-4-6' } }),
    );
    converse.enqueue({ kind: 'text', text: 'hi', usage: { inputTokens: 10_000, outputTokens: 1_000 } });
    const task = await runImprove(organizationId, bedrock());
    expect(converse.requests.map((r) => r.modelId)).toEqual(['global.anthropic.claude-opus-4-6-v1']);
    // Opus 4.6 through `global.`: 10k × $5 + 1k × $25 per million.
    expect(task).toMatchObject({ modelUsed: 'global.anthropic.claude-opus-4-6-v1', costUsd: 0.075 });
  });

  it('fails the task with the reason, sending nothing, when Bedrock cannot serve the model', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    await withTenant(handle.db, organizationId, (tx) =>
      configureAgent(tx, organizationId, 'content_creator', { configuration: { model: 'claude-sonnet-5' } }),
    );
    const task = await runImprove(organizationId, bedrock());
    expect(converse.requests).toHaveLength(0);
    expect(task.status).toBe('failed');
    expect(task.errorMessage).toContain('Claude Sonnet 5 is not offered through Bedrock');
  });

  it('a stored model no longer on the list is dropped, the rest of the configuration kept', async () => {
    const { organizationId } = await createTestOrganization(handle.db);
    await withTenant(handle.db, organizationId, (tx) =>
      tx.insert(aiAgents).values({
        organizationId,
        agentType: 'content_creator',
        agentName: 'Content creator',
        configuration: { brandVoice: 'Warm', model: 'claude-2-1' },
      }),
    );
    const settings = await withTenant(handle.db, organizationId, (tx) =>
      agentSettings(tx, organizationId, 'content_creator'),
    );
    expect(settings.configuration).toEqual({ brandVoice: 'Warm' });
  });
});
