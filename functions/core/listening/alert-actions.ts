import { and, eq, inArray } from 'drizzle-orm';
import { agentAlerts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import type { AgentAlertRow } from './alert-notifications';

export type AlertActionOutcome =
  | { status: 'changed' | 'unchanged'; alert: AgentAlertRow }
  | { status: 'not-found' }
  | { status: 'resolved-already'; alert: AgentAlertRow };

async function lockAlert(tx: Transaction, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(agentAlerts)
    .where(and(eq(agentAlerts.id, id), eq(agentAlerts.organizationId, organizationId)))
    .for('update');
  return row;
}

/**
 * Someone is on it: an open alert becomes `acknowledged` (who and when kept); acknowledging it
 * again changes nothing. A resolved alert cannot be acknowledged. Audited.
 */
export async function acknowledgeAlert(
  tx: Transaction,
  actor: AuditActor & { userId: string; organizationId: string },
  id: string,
  now: Date,
): Promise<AlertActionOutcome> {
  const row = await lockAlert(tx, actor.organizationId, id);
  if (!row) return { status: 'not-found' };
  if (row.status === 'resolved') return { status: 'resolved-already', alert: row };
  if (row.status === 'acknowledged') return { status: 'unchanged', alert: row };
  const [changed] = await tx
    .update(agentAlerts)
    .set({ status: 'acknowledged', acknowledgedBy: actor.userId, acknowledgedAt: now, updatedAt: now })
    .where(and(eq(agentAlerts.id, row.id), eq(agentAlerts.status, 'open')))
    .returning();
  await recordAudit(tx, actor, {
    action: 'agent_alert.acknowledged',
    resourceType: 'agent_alert',
    resourceId: row.id,
    oldValues: { status: row.status },
    newValues: { status: 'acknowledged' },
  });
  return { status: 'changed', alert: changed! };
}

/**
 * The episode is handled: an open or acknowledged alert becomes `resolved`. The sweep does not
 * raise it again while the same episode lasts (its key is kept). Audited.
 */
export async function resolveAlert(
  tx: Transaction,
  actor: AuditActor & { userId: string; organizationId: string },
  id: string,
  now: Date,
): Promise<AlertActionOutcome> {
  const row = await lockAlert(tx, actor.organizationId, id);
  if (!row) return { status: 'not-found' };
  if (row.status === 'resolved') return { status: 'resolved-already', alert: row };
  const [changed] = await tx
    .update(agentAlerts)
    .set({ status: 'resolved', resolvedAt: now, updatedAt: now })
    .where(and(eq(agentAlerts.id, row.id), inArray(agentAlerts.status, ['open', 'acknowledged'])))
    .returning();
  await recordAudit(tx, actor, {
    action: 'agent_alert.resolved',
    resourceType: 'agent_alert',
    resourceId: row.id,
    oldValues: { status: row.status },
    newValues: { status: 'resolved' },
  });
  return { status: 'changed', alert: changed! };
}
