import { and, eq } from 'drizzle-orm';
import { aiAgentTasks } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { ConflictError, NotFoundError, NotPermittedError } from '../../errors';
import type { AgentTaskRow } from '../tasks/request-task';

/**
 * Sets a failed workflow going again (who asked for it, or a manager): back to `pending`, its
 * recorded steps kept, so the run reuses the steps that completed and asks again for the one
 * that failed. The caller enqueues it once this has committed.
 */
export async function resumeWorkflow(
  tx: Transaction,
  actor: { organizationId: string; userId: string; isManager: boolean },
  taskId: string,
  now: Date,
): Promise<AgentTaskRow> {
  const mine = and(eq(aiAgentTasks.id, taskId), eq(aiAgentTasks.organizationId, actor.organizationId));
  const [row] = await tx.select().from(aiAgentTasks).where(mine).for('update');
  if (!row) throw new NotFoundError('The task');
  if (row.agentType !== 'workflow_orchestrator') throw new ConflictError('Only a workflow can be resumed.');
  if (row.userId !== actor.userId && !actor.isManager)
    throw new NotPermittedError('Only who asked for the workflow, or a manager, may resume it.');
  if (row.status !== 'failed')
    throw new ConflictError(`Only a failed workflow can be resumed; this one is ${row.status}.`);
  const [resumed] = await tx
    .update(aiAgentTasks)
    .set({ status: 'pending', errorMessage: null, completedAt: null, progress: 0, updatedAt: now })
    .where(mine)
    .returning();
  return resumed!;
}
