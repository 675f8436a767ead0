import { TASK_HANDLERS } from '../task-handlers';
import { runAgentTask, type TaskHandlers } from '../tasks/run-task';
import type { TaskHandler } from '../tasks/task-handler';
import { weeklyPlanWorkflow, type WorkflowDeps } from './weekly-plan';

export { RUN_WORKFLOW } from '../../../shared/agents/workflows';

const held = <Input, Output>(handler: TaskHandler<Input, Output>) =>
  handler as unknown as TaskHandler<unknown, unknown>;

/** The workflows' handlers: each runs its steps with the agents' own handlers. */
export function workflowHandlers(deps: WorkflowDeps): TaskHandlers {
  return { 'workflow.weekly_plan': held(weeklyPlanWorkflow(deps, TASK_HANDLERS)) };
}

/**
 * Runs a workflow task as any task is run: claimed under its lease (a redelivered message
 * finds it running or ended and does nothing), its steps run one after the other in this
 * worker, each a task of its own agent.
 */
export async function runWorkflow(deps: WorkflowDeps, taskId: string): Promise<void> {
  await runAgentTask(deps, workflowHandlers(deps), taskId);
}
