import { and, eq, inArray } from 'drizzle-orm';
import type { Container } from '../ports/container';
import type { agentAlerts } from '../../db/schema';
import { organizationMembers } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { enqueueNotificationEmails } from '../notifications/email-outbox';
import { notificationRecipients } from '../notifications/notification-recipients';
import type { NotificationType } from '../notifications/notification-types';
import { writeNotifications } from '../notifications/write-notifications';
import { markTargetsInFlight } from '../publishing/sweep-marker';

export type AgentAlertRow = typeof agentAlerts.$inferSelect;

/** Where the dashboard shows the watching agents' alerts. */
export const ALERTS_LINK = '/agents/alerts';

/**
 * Tells the organization's admins and managers about an alert, in the caller's transaction,
 * each by the channels they chose for `type` (their notification settings; email queued with
 * the row and sent after the commit). Returns how many people were told.
 */
export async function notifyAlert(
  tx: Transaction,
  alert: AgentAlertRow,
  type: NotificationType,
  body: string,
): Promise<number> {
  const members = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(
      and(
        eq(organizationMembers.organizationId, alert.organizationId),
        inArray(organizationMembers.role, ['admin', 'manager']),
      ),
    );
  const recipients = await notificationRecipients(
    tx,
    alert.organizationId,
    members.map((m) => m.userId),
    type,
  );
  return writeNotifications(
    tx,
    {
      organizationId: alert.organizationId,
      type,
      severity: alert.severity,
      title: alert.title,
      body,
      link: `${ALERTS_LINK}?id=${alert.id}`,
      data: { alertId: alert.id, kind: alert.kind, socialAccountId: alert.socialAccountId },
    },
    recipients,
  );
}

/** An alert as the dashboard and the realtime push show it. */
export function presentAlert(alert: AgentAlertRow) {
  return {
    id: alert.id,
    agentType: alert.agentType,
    kind: alert.kind,
    severity: alert.severity,
    socialAccountId: alert.socialAccountId,
    title: alert.title,
    details: alert.details,
    status: alert.status,
    startedAt: alert.startedAt.toISOString(),
    detectedAt: alert.detectedAt.toISOString(),
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  };
}

/**
 * After the commit: mail what was queued (the sweep retries a lost send, so it must not skip
 * the database meanwhile) and push each changed alert to the organization's dashboards.
 */
export async function announceAlerts(
  container: Pick<Container, 'queue' | 'logger' | 'kv' | 'clock' | 'realtime'>,
  emails: readonly string[],
  alerts: readonly AgentAlertRow[],
): Promise<void> {
  if (emails.length > 0) await markTargetsInFlight(container.kv, container.clock, container.clock.now());
  await enqueueNotificationEmails(container, emails);
  for (const alert of alerts) {
    await container.realtime.broadcast(alert.organizationId, {
      type: 'agent-alert.updated',
      data: presentAlert(alert),
    });
  }
}
