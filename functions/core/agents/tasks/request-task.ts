import { aiAgentTasks } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { AGENT_TASK_TYPES, type AgentTaskType } from '../../../shared/agents/task-types';
import { ConflictError } from '../../errors';
import { agentSettings } from './agent-settings';
import { assertBudgetLeft } from './budget';

export type AgentTaskRow = typeof aiAgentTasks.$inferSelect;

/**
 * Records a task for an agent (`pending`), in the caller's transaction; the caller enqueues
 * its id on the agent's queue once this has committed (the message carries only the id, so
 * it can never disagree with what was asked). Refused while the agent is switched off or
 * the month's budget is spent.
 */
export async function requestAgentTask(
  tx: Transaction,
  input: {
    organizationId: string;
    userId: string | null;
    taskType: AgentTaskType;
    input: Record<string, unknown>;
    parentTaskId?: string;
    now: Date;
  },
): Promise<AgentTaskRow> {
  const agentType = AGENT_TASK_TYPES[input.taskType];
  const settings = await agentSettings(tx, input.organizationId, agentType);
  if (!settings.isActive)
    throw new ConflictError('This agent is switched off for your organization; a manager can switch it on.');
  await assertBudgetLeft(tx, {
    organizationId: input.organizationId,
    agentType,
    ...(settings.configuration.monthlyBudgetUsd !== undefined
      ? { agentBudgetUsd: settings.configuration.monthlyBudgetUsd }
      : {}),
    now: input.now,
  });
  const [row] = await tx
    .insert(aiAgentTasks)
    .values({
      organizationId: input.organizationId,
      agentId: settings.id ?? null,
      agentType,
      userId: input.userId,
      parentTaskId: input.parentTaskId ?? null,
      taskType: input.taskType,
      inputData: input.input,
      status: 'pending',
      // The use-case's clock, not the database's: the month's budget is counted by it.
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return row!;
}
