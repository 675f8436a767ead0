import { eq } from 'drizzle-orm';
import type * as z from 'zod';
import { aiAgentTasks } from '../../../db/schema';
import type { AgentTaskType } from '../../../shared/agents/task-types';
import { BudgetSpentError, ConflictError } from '../../errors';
import { requestAgentTask } from '../tasks/request-task';
import { runAgentTask, type AgentTaskDeps, type TaskHandlers } from '../tasks/run-task';
import { TaskCancelled, type TaskContext } from '../tasks/task-handler';
import { stepOf, storeOutput, type WorkflowOutput } from './workflow-output';

/** A running workflow: its task's context, the step handlers, and its recorded state. */
export interface WorkflowRun {
  deps: AgentTaskDeps;
  handlers: TaskHandlers;
  context: TaskContext;
  output: WorkflowOutput;
}

/** A step that failed or was refused: the workflow fails with the step named. */
export class WorkflowStepFailed extends Error {
  constructor(key: string, taskType: AgentTaskType, reason: string, refused = false) {
    super(`Step "${key}" (${taskType}) ${refused ? 'was refused' : 'failed'}: ${reason}`);
    this.name = 'WorkflowStepFailed';
  }
}

/**
 * Records the step as a task of its agent (a child of the workflow task, refused like any task
 * while the agent is off or the budget is spent) in the same transaction as the workflow's
 * record of it, so a crash between the two cannot leave a step the workflow does not know.
 */
async function recordStep(
  run: WorkflowRun,
  key: string,
  taskType: AgentTaskType,
  input: Record<string, unknown>,
): Promise<string> {
  const { context } = run;
  try {
    return await context.inTenant(async (tx) => {
      const row = await requestAgentTask(tx, {
        organizationId: context.organizationId,
        userId: context.userId,
        taskType,
        input,
        parentTaskId: context.taskId,
        now: context.clock.now(),
      });
      run.output.steps.push({ key, taskType, taskId: row.id, status: row.status });
      await storeOutput(tx, context.taskId, run.output);
      return row.id;
    });
  } catch (error) {
    if (error instanceof BudgetSpentError || error instanceof ConflictError)
      throw new WorkflowStepFailed(key, taskType, error.message, true);
    throw error;
  }
}

export interface StepResult<Output> {
  output: Output;
  taskId: string;
  /** The model that answered; null for template text or a step without a model. */
  model: string | null;
}

/**
 * Runs one step of a workflow and gives its output. A step that already completed (an
 * earlier run of this workflow, before a failure and a resume) is not run again: its stored
 * output is used. One recorded but never finished (the worker died) is run under its own
 * lease; a failed or cancelled one is asked for afresh.
 */
export async function runStep<Output>(
  run: WorkflowRun,
  key: string,
  taskType: AgentTaskType,
  input: Record<string, unknown>,
  output: z.ZodType<Output>,
): Promise<StepResult<Output>> {
  const { context } = run;
  const recorded = stepOf(run.output, key);
  const reusable = recorded && ['completed', 'pending', 'running'].includes(recorded.status);
  const taskId = reusable ? recorded.taskId : await recordStep(run, key, taskType, input);
  if (recorded?.status !== 'completed') await runAgentTask(run.deps, run.handlers, taskId);

  const [row] = await context.inTenant((tx) =>
    tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.id, taskId)),
  );
  if (!row) throw new WorkflowStepFailed(key, taskType, 'the step’s task is gone');
  const step = stepOf(run.output, key)!;
  if (step.status !== row.status) {
    step.status = row.status;
    await context.inTenant((tx) => storeOutput(tx, context.taskId, run.output));
  }
  if (row.status === 'completed') return { output: output.parse(row.outputData), taskId, model: row.modelUsed };
  if (row.status === 'cancelled') throw new TaskCancelled();
  if (row.status === 'failed') throw new WorkflowStepFailed(key, taskType, row.errorMessage ?? 'no reason given');
  throw new WorkflowStepFailed(key, taskType, 'another worker is still running it; resume once it ends');
}
