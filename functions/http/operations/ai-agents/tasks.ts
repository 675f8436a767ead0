import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { announceAgentTask } from '../../../core/agents/tasks/announce-task';
import { cancelWorkflowSteps } from '../../../core/agents/workflows/cancel-steps';
import { aiAgentTasks } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { roleAtLeast } from '../../access';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { presentTask } from './present-task';

/** The organization's agent tasks, newest first, filtered by agent, type and status. */
export const listAgentTasks: Operation<'listAgentTasks'> = async ({ query }, { container, auth }) => {
  const where = and(
    eq(aiAgentTasks.organizationId, auth.organizationId),
    query.agentType ? eq(aiAgentTasks.agentType, query.agentType) : undefined,
    query.taskType ? eq(aiAgentTasks.taskType, query.taskType) : undefined,
    query.status ? eq(aiAgentTasks.status, query.status) : undefined,
  );
  const { rows, total } = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [counted] = await tx.select({ total: count() }).from(aiAgentTasks).where(where);
    const page = await tx
      .select()
      .from(aiAgentTasks)
      .where(where)
      .orderBy(desc(aiAgentTasks.createdAt), desc(aiAgentTasks.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    return { rows: page, total: counted?.total ?? 0 };
  });
  return { body: { items: rows.map(presentTask), page: query.page, pageSize: query.pageSize, total } };
};

export const getAgentTask: Operation<'getAgentTask'> = async ({ params }, { container, auth }) => {
  const [row] = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .select()
      .from(aiAgentTasks)
      .where(and(eq(aiAgentTasks.id, params.id), eq(aiAgentTasks.organizationId, auth.organizationId))),
  );
  if (!row) throw notFound('The task');
  return { body: presentTask(row) };
};

/**
 * Cancels a task that has not ended: who asked for it, or a manager. A pending task never
 * runs; a running one stops before its next model call or progress step, keeping what it spent.
 */
export const cancelAgentTask: Operation<'cancelAgentTask'> = async ({ params }, { container, auth }) => {
  const cancelled = await withTenant(container.db, auth.organizationId, async (tx) => {
    const mine = and(eq(aiAgentTasks.id, params.id), eq(aiAgentTasks.organizationId, auth.organizationId));
    const [row] = await tx.select().from(aiAgentTasks).where(mine);
    if (!row) throw notFound('The task');
    if (row.userId !== auth.userId && !roleAtLeast(auth.role, 'manager'))
      throw new HttpProblem(403, 'forbidden', 'Only who asked for the task, or a manager, may cancel it.');
    const [changed] = await tx
      .update(aiAgentTasks)
      .set({ status: 'cancelled', updatedAt: container.clock.now() })
      .where(and(mine, inArray(aiAgentTasks.status, ['pending', 'running'])))
      .returning();
    if (!changed) throw new HttpProblem(409, 'conflict', `The task has already ended (${row.status}).`);
    // A workflow's steps go with it.
    await cancelWorkflowSteps(tx, changed.id, container.clock.now());
    return changed;
  });
  // Once committed: a dashboard that reloads the task on this push sees it cancelled.
  await announceAgentTask(container, cancelled, { status: 'cancelled', progress: cancelled.progress });
  return { body: presentTask(cancelled) };
};
