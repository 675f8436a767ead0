import { eq } from 'drizzle-orm';
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashingEmbedder } from '../../../../functions/adapters/local/hashing-embedder';
import { ManualClock } from '../../../../functions/adapters/local/manual-clock';
import { requestAgentTask } from '../../../../functions/core/agents/tasks/request-task';
import {
  runAgentTask,
  TASK_LEASE_MS,
  type AgentTaskDeps,
} from '../../../../functions/core/agents/tasks/run-task';
import type { TaskHandler } from '../../../../functions/core/agents/tasks/task-handler';
import type { Llm, LlmRequest, LlmResponse, RealtimeMessage } from '../../../../functions/core/ports';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { aiAgentTasks } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

/** A model that answers from a script and counts its calls; each answer costs $0.01. */
class ScriptedLlm implements Llm {
  readonly provider = 'anthropic' as const;
  calls = 0;
  constructor(private readonly onCall: (call: number) => Promise<void> = async () => {}) {}
  async complete(_request: LlmRequest): Promise<LlmResponse> {
    this.calls += 1;
    await this.onCall(this.calls);
    return {
      text: `answer ${this.calls}`,
      model: 'claude-sonnet-4-6',
      provider: 'anthropic',
      usage: { inputTokens: 100, outputTokens: 20 },
      costUsd: 0.01,
    };
  }
}

/** Two model calls and a progress step between them; its output is what the model said. */
const twoCalls: TaskHandler<{ text: string }, { said: string[] }> = {
  input: z.object({ text: z.string() }),
  output: z.object({ said: z.array(z.string()) }),
  async run(context) {
    const first = await context.llm.complete({ messages: [{ role: 'user', content: 'one' }], maxTokens: 10 });
    await context.progress(50);
    const second = await context.llm.complete({
      messages: [{ role: 'user', content: 'two' }],
      maxTokens: 10,
    });
    return { said: [first.text, second.text] };
  },
};

describe('runAgentTask', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  const clock = new ManualClock(new Date('2035-01-10T10:00:00Z'));
  const pushed: RealtimeMessage[] = [];
  const deps = (llm: Llm): AgentTaskDeps => ({
    db: handle.db,
    llm,
    embedder: new HashingEmbedder(),
    clock,
    realtime: { broadcast: async (_org, message) => (pushed.push(message), 1) },
    logger: { info: () => {}, warn: () => {} },
  });
  const handlers = { 'content.improve': twoCalls as unknown as TaskHandler<unknown, unknown> };
  const newTask = () =>
    withTenant(handle.db, organizationId, (tx) =>
      requestAgentTask(tx, {
        organizationId,
        userId: null,
        taskType: 'content.improve',
        input: { text: 'hello' },
        now: clock.now(),
      }),
    );
  const read = async (id: string) =>
    (await withSystem(handle.db, (tx) => tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.id, id))))[0]!;

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db)).organizationId;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('runs a task once: output, tokens, cost and time stored, progress pushed; a redelivery does nothing', async () => {
    const task = await newTask();
    const llm = new ScriptedLlm(async () => clock.advance(1_000));
    await runAgentTask(deps(llm), handlers, task.id);
    const done = await read(task.id);
    expect(done).toMatchObject({
      status: 'completed',
      progress: 100,
      outputData: { said: ['answer 1', 'answer 2'] },
      inputTokens: 200,
      outputTokens: 40,
      tokensUsed: 240,
      costUsd: 0.02,
      modelUsed: 'claude-sonnet-4-6',
      executionTimeMs: 2_000,
    });
    expect(
      pushed
        .filter((m) => (m.data as { id: string }).id === task.id)
        .map((m) => m.data as { status: string; progress: number }),
    ).toEqual([
      expect.objectContaining({ status: 'running', progress: 0 }),
      expect.objectContaining({ status: 'running', progress: 50 }),
      expect.objectContaining({ status: 'completed', progress: 100 }),
    ]);
    await runAgentTask(deps(llm), handlers, task.id);
    expect(llm.calls).toBe(2);
  });

  it('leaves a running task to its worker, and takes it over once the lease has run out', async () => {
    const task = await newTask();
    await withSystem(handle.db, (tx) =>
      tx
        .update(aiAgentTasks)
        .set({ status: 'running', startedAt: clock.now() })
        .where(eq(aiAgentTasks.id, task.id)),
    );
    const llm = new ScriptedLlm();
    await runAgentTask(deps(llm), handlers, task.id);
    expect(llm.calls).toBe(0);
    clock.advance(TASK_LEASE_MS + 1);
    await runAgentTask(deps(llm), handlers, task.id);
    expect(llm.calls).toBe(2);
    expect((await read(task.id)).status).toBe('completed');
  });

  it('stops before the next model call once cancelled, keeping what was spent', async () => {
    const task = await newTask();
    const llm = new ScriptedLlm(async (call) => {
      if (call === 1)
        await withSystem(handle.db, (tx) =>
          tx.update(aiAgentTasks).set({ status: 'cancelled' }).where(eq(aiAgentTasks.id, task.id)),
        );
    });
    await runAgentTask(deps(llm), handlers, task.id);
    expect(llm.calls).toBe(1);
    expect(await read(task.id)).toMatchObject({
      status: 'cancelled',
      outputData: null,
      costUsd: 0.01,
      inputTokens: 100,
    });
  });

  it('stores a failure with its reason and does not retry; an output that breaks its schema is a failure', async () => {
    const failing = new ScriptedLlm(async () => {
      throw new Error('Claude is overloaded (529) after 3 attempts');
    });
    const task = await newTask();
    await runAgentTask(deps(failing), handlers, task.id);
    expect(await read(task.id)).toMatchObject({
      status: 'failed',
      errorMessage: 'Claude is overloaded (529) after 3 attempts',
    });
    await runAgentTask(deps(failing), handlers, task.id);
    expect(failing.calls).toBe(1);

    const badOutput: TaskHandler<unknown, unknown> = {
      ...twoCalls,
      run: async () => ({ said: 'not a list' }),
    } as never;
    const second = await newTask();
    await runAgentTask(deps(new ScriptedLlm()), { 'content.improve': badOutput }, second.id);
    expect((await read(second.id)).status).toBe('failed');
    expect((await read(second.id)).outputData).toBeNull();
  });
});
