import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { aiAgentTasks, aiAgents } from '../../../db/schema';
import { withSystem, withTenant } from '../../../db/tenant';
import type { AgentTaskType } from '../../../shared/agents/task-types';
import type { Clock, Embedder, Llm, Logger, Realtime } from '../../ports';
import { agentMemory } from '../memory/agent-memory';
import { agentSettings } from './agent-settings';
import { announceAgentTask } from './announce-task';
import { MeteredLlm } from './metered-llm';
import { TaskCancelled, type TaskContext, type TaskHandler } from './task-handler';
import type { AgentTaskRow } from './request-task';

export interface AgentTaskDeps {
  db: Database;
  llm: Llm;
  /** For the agents' memory (core/agents/memory): Titan on Bedrock, or the local hashing embedder. */
  embedder: Embedder;
  clock: Clock;
  realtime: Pick<Realtime, 'broadcast'>;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/**
 * How long a `running` task is taken to be alive. The agent Lambda stops after 5 minutes and
 * SQS hands the message out again only after six times that (lib/queue-settings.ts), so a
 * delivery that finds the task running for longer than this finds a worker that died.
 */
export const TASK_LEASE_MS = 6 * 60_000;

export type TaskHandlers = { readonly [Type in AgentTaskType]?: TaskHandler<unknown, unknown> };

/**
 * Claims the task: `pending` (or `running` past its lease: the worker died) becomes `running`.
 * A task that ended, or that another worker holds, is not run again: a redelivered message
 * spends no model tokens twice.
 */
async function claim(deps: AgentTaskDeps, taskId: string): Promise<AgentTaskRow | undefined> {
  const now = deps.clock.now();
  return withSystem(deps.db, async (tx) => {
    const [row] = await tx
      .update(aiAgentTasks)
      .set({ status: 'running', startedAt: now, updatedAt: now, progress: 0, errorMessage: null })
      .where(
        and(
          eq(aiAgentTasks.id, taskId),
          or(
            eq(aiAgentTasks.status, 'pending'),
            and(
              eq(aiAgentTasks.status, 'running'),
              lt(aiAgentTasks.startedAt, new Date(now.getTime() - TASK_LEASE_MS)),
            ),
          ),
        ),
      )
      .returning();
    return row;
  });
}

/**
 * Runs one agent task (the agent queues' worker): claims it, validates its stored input, does
 * the work with a metered model, validates and stores the output with tokens, cost and time,
 * and pushes each change to the organization's dashboards. A failure is stored with its
 * reason and not retried (a retry would spend the tokens again); a cancellation keeps what
 * was spent.
 */
export async function runAgentTask(
  deps: AgentTaskDeps,
  handlers: TaskHandlers,
  taskId: string,
): Promise<void> {
  const task = await claim(deps, taskId);
  if (!task) return;
  const started = deps.clock.now();
  await announceAgentTask(deps, task, { status: 'running', progress: 0 });
  const inTenant: TaskContext['inTenant'] = (work) => withTenant(deps.db, task.organizationId, work);
  const stillWanted = async () => {
    const [row] = await inTenant((tx) =>
      tx.select({ status: aiAgentTasks.status }).from(aiAgentTasks).where(eq(aiAgentTasks.id, task.id)),
    );
    if (row?.status === 'cancelled') throw new TaskCancelled();
  };
  let llm = new MeteredLlm(deps.llm, stillWanted);
  const usage = () => ({
    modelUsed: llm.usage.model,
    inputTokens: llm.usage.inputTokens,
    outputTokens: llm.usage.outputTokens,
    tokensUsed: llm.usage.inputTokens + llm.usage.outputTokens,
    costUsd: Math.round(llm.usage.costUsd * 10_000) / 10_000,
    executionTimeMs: deps.clock.now().getTime() - started.getTime(),
    updatedAt: deps.clock.now(),
  });
  const finish = (values: Partial<typeof aiAgentTasks.$inferInsert>, onlyFrom: AgentTaskRow['status'][]) =>
    inTenant((tx) =>
      tx
        .update(aiAgentTasks)
        .set({ ...usage(), ...values })
        .where(and(eq(aiAgentTasks.id, task.id), inArray(aiAgentTasks.status, onlyFrom)))
        .returning({ id: aiAgentTasks.id }),
    );
  try {
    const handler = handlers[task.taskType as AgentTaskType];
    if (!handler) throw new Error(`No agent does ${task.taskType} tasks in this build.`);
    const settings = await inTenant((tx) => agentSettings(tx, task.organizationId, task.agentType));
    // Every call of this task asks for the agent's own model, when it has one.
    llm = new MeteredLlm(deps.llm, stillWanted, settings.configuration.model);
    const context: TaskContext = {
      organizationId: task.organizationId,
      userId: task.userId,
      taskId: task.id,
      now: started,
      settings,
      llm,
      memory: agentMemory({ organizationId: task.organizationId, inTenant, embedder: deps.embedder }),
      logger: deps.logger,
      inTenant,
      db: deps.db,
      clock: deps.clock,
      progress: async (percent) => {
        await stillWanted();
        const progress = Math.max(0, Math.min(99, Math.round(percent)));
        await inTenant((tx) =>
          tx
            .update(aiAgentTasks)
            .set({ progress, updatedAt: deps.clock.now() })
            .where(eq(aiAgentTasks.id, task.id)),
        );
        await announceAgentTask(deps, task, { status: 'running', progress });
      },
    };
    const output = handler.output.parse(await handler.run(context, handler.input.parse(task.inputData)));
    const done = await finish(
      { status: 'completed', progress: 100, outputData: output, completedAt: deps.clock.now() },
      ['running'],
    );
    if (done.length === 0) throw new TaskCancelled();
    await inTenant((tx) => countOutcome(tx, task, 'completed', deps.clock.now()));
    await announceAgentTask(deps, task, { status: 'completed', progress: 100 });
    deps.logger.info('Agent task completed', { taskId: task.id, taskType: task.taskType, ...llm.usage });
  } catch (error) {
    if (error instanceof TaskCancelled) {
      await finish({ completedAt: deps.clock.now() }, ['cancelled']);
      await announceAgentTask(deps, task, { status: 'cancelled', progress: task.progress });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    deps.logger.warn('Agent task failed', { taskId: task.id, taskType: task.taskType, error: message });
    await finish({ status: 'failed', errorMessage: message.slice(0, 1000), completedAt: deps.clock.now() }, [
      'running',
    ]);
    await inTenant((tx) => countOutcome(tx, task, 'failed', deps.clock.now()));
    await announceAgentTask(deps, task, { status: 'failed', progress: 0 });
  }
}

/** Keeps the agent row's counters (tasks completed, success rate, last run) current. */
async function countOutcome(
  tx: Parameters<Parameters<TaskContext['inTenant']>[0]>[0],
  task: AgentTaskRow,
  outcome: 'completed' | 'failed',
  now: Date,
): Promise<void> {
  if (!task.agentId) return;
  const [agent] = await tx.select().from(aiAgents).where(eq(aiAgents.id, task.agentId));
  if (!agent) return;
  const runs = agent.tasksCompleted + 1;
  const previousSuccesses = (agent.successRate / 100) * agent.tasksCompleted;
  const successes = previousSuccesses + (outcome === 'completed' ? 1 : 0);
  await tx
    .update(aiAgents)
    .set({
      tasksCompleted: runs,
      successRate: Math.round((successes / runs) * 10_000) / 100,
      lastExecution: now,
    })
    .where(eq(aiAgents.id, task.agentId));
}
