import type { AgentTaskRow } from '../../../core/agents/tasks/request-task';
import type { AgentTaskType } from '../../../shared/agents/task-types';

/** A task as the API shows it. */
export function presentTask(row: AgentTaskRow) {
  return {
    id: row.id,
    agentType: row.agentType,
    taskType: row.taskType as AgentTaskType,
    status: row.status,
    progress: row.progress,
    input: row.inputData,
    output: (row.outputData as Record<string, unknown> | null) ?? null,
    errorMessage: row.errorMessage,
    model: row.modelUsed,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    costUsd: row.costUsd,
    executionTimeMs: row.executionTimeMs,
    parentTaskId: row.parentTaskId,
    userId: row.userId,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}
