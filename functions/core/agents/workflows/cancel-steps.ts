import { and, eq, inArray } from 'drizzle-orm';
import { aiAgentTasks } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';

/**
 * With a cancelled workflow, its steps that have not ended: a pending one never runs, a
 * running one stops before its next model call (the runner checks its own row).
 */
export async function cancelWorkflowSteps(tx: Transaction, workflowId: string, now: Date): Promise<number> {
  const cancelled = await tx
    .update(aiAgentTasks)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(aiAgentTasks.parentTaskId, workflowId), inArray(aiAgentTasks.status, ['pending', 'running'])))
    .returning({ id: aiAgentTasks.id });
  return cancelled.length;
}
