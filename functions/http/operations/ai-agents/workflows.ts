import { requestWorkflow } from '../../../core/agents/workflows/request-workflow';
import { resumeWorkflow } from '../../../core/agents/workflows/resume-workflow';
import { withTenant } from '../../../db/tenant';
import { RUN_WORKFLOW, WORKFLOW_CATALOG } from '../../../shared/agents/workflows';
import { roleAtLeast } from '../../access';
import type { Operation } from '../../operation';
import { presentTask } from './present-task';

/** The named workflows and their steps, in order (a catalogue: nothing is read). */
export const listAgentWorkflows: Operation<'listAgentWorkflows'> = async () => ({
  body: {
    workflows: Object.values(WORKFLOW_CATALOG).map((workflow) => ({
      ...workflow,
      steps: workflow.steps.map((step) => ({ ...step, taskType: step.taskType ?? null })),
    })),
  },
});

/** Records the workflow task and queues it; 202 with the pending task. */
export const runAgentWorkflow: Operation<'runAgentWorkflow'> = async (
  { params, body },
  { container, auth },
) => {
  const row = await withTenant(container.db, auth.organizationId, (tx) =>
    requestWorkflow(tx, {
      organizationId: auth.organizationId,
      userId: auth.userId,
      name: params.name,
      input: body,
      now: container.clock.now(),
    }),
  );
  await container.queue.send('jobs', { type: RUN_WORKFLOW, taskId: row.id });
  return { status: 202, body: presentTask(row) };
};

/** Runs a failed workflow again from the step that failed (who asked for it, or a manager). */
export const resumeAgentWorkflow: Operation<'resumeAgentWorkflow'> = async (
  { params },
  { container, auth },
) => {
  const row = await withTenant(container.db, auth.organizationId, (tx) =>
    resumeWorkflow(
      tx,
      {
        organizationId: auth.organizationId,
        userId: auth.userId,
        isManager: roleAtLeast(auth.role, 'manager'),
      },
      params.id,
      container.clock.now(),
    ),
  );
  await container.queue.send('jobs', { type: RUN_WORKFLOW, taskId: row.id });
  return { status: 202, body: presentTask(row) };
};
