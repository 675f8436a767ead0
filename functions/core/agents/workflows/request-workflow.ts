import { and, eq, inArray } from 'drizzle-orm';
import { socialAccounts } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { WORKFLOW_CATALOG, type WeeklyPlanInput, type WorkflowName } from '../../../shared/agents/workflows';
import { InvalidInputError } from '../../errors';
import { requestAgentTask, type AgentTaskRow } from '../tasks/request-task';

/**
 * Records a named workflow as a task of the orchestrator (refused while it is off or the
 * budget is spent), once its accounts are known to be the organization's. The caller enqueues
 * it (`run-workflow` on the jobs queue) after the commit.
 */
export async function requestWorkflow(
  tx: Transaction,
  request: { organizationId: string; userId: string; name: WorkflowName; input: WeeklyPlanInput; now: Date },
): Promise<AgentTaskRow> {
  const found = await tx
    .select({ id: socialAccounts.id })
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.organizationId, request.organizationId),
        inArray(socialAccounts.id, request.input.accountIds),
      ),
    );
  const known = new Set(found.map((row) => row.id));
  const issues = request.input.accountIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ field: `body.accountIds.${i}`, message: 'Not an account of this organization' }],
  );
  if (issues.length > 0) throw new InvalidInputError('Some accounts are not this organization’s.', issues);
  return requestAgentTask(tx, {
    organizationId: request.organizationId,
    userId: request.userId,
    taskType: WORKFLOW_CATALOG[request.name].taskType,
    input: request.input,
    now: request.now,
  });
}
