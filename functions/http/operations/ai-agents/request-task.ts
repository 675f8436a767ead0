import { requestAgentTask } from '../../../core/agents/tasks/request-task';
import { withTenant } from '../../../db/tenant';
import { AGENT_CATALOG } from '../../../shared/agents/catalog';
import { AGENT_TASK_TYPES, type AgentTaskType } from '../../../shared/agents/task-types';
import type { RouteName } from '../../../shared/route-table';
import type { Operation } from '../../operation';
import { presentTask } from './present-task';

type TaskRoute =
  | 'generateContent'
  | 'improveContent'
  | 'suggestHashtags'
  | 'analyzeCompetitors'
  | 'analyzeTrends'
  | 'optimizeSchedule'
  | 'predictEngagement';

/**
 * The operation of one agent route: records the task (refused while the agent is off or the
 * budget is spent), then enqueues its id on its agent's queue; 202 with the pending task.
 */
export function taskOperation<Name extends TaskRoute & RouteName>(taskType: AgentTaskType): Operation<Name> {
  const queue = AGENT_CATALOG[AGENT_TASK_TYPES[taskType]].queue;
  const operation: Operation<TaskRoute> = async ({ body }, { container, auth }) => {
    const row = await withTenant(container.db, auth.organizationId, (tx) =>
      requestAgentTask(tx, {
        organizationId: auth.organizationId,
        userId: auth.userId,
        taskType,
        input: body as Record<string, unknown>,
        now: container.clock.now(),
      }),
    );
    await container.queue.send(queue, { taskId: row.id });
    return { status: 202, body: presentTask(row) };
  };
  return operation as unknown as Operation<Name>;
}
