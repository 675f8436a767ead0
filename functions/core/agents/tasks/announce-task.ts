import type { Logger, Realtime } from '../../ports';
import type { AgentTaskRow } from './request-task';

/**
 * Pushes a task's new state to the organization's dashboards (`agent.task`; the whole task is
 * at GET /ai-agents/tasks/{id}). Called after the change is committed. A push that fails is
 * logged, never thrown: the database already holds the state.
 */
export function announceAgentTask(
  deps: { realtime: Pick<Realtime, 'broadcast'>; logger: Pick<Logger, 'warn'> },
  task: Pick<AgentTaskRow, 'id' | 'organizationId' | 'agentType' | 'taskType'>,
  change: { status: string; progress: number },
): Promise<unknown> {
  return deps.realtime
    .broadcast(task.organizationId, {
      type: 'agent.task',
      data: { id: task.id, agentType: task.agentType, taskType: task.taskType, ...change },
    })
    .catch((error: unknown) =>
      deps.logger.warn('Agent task update not pushed', { taskId: task.id, error: String(error) }),
    );
}
