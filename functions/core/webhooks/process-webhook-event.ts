import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { organizationMembers, socialAccounts, webhookEvents } from '../../db/schema';
import { withSystem, type Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { notificationRecipients } from '../notifications/notification-recipients';
import { writeNotifications } from '../notifications/write-notifications';
import { markTargetsInFlight } from '../publishing/sweep-marker';
import type { Clock, JobQueue, KeyValue, Logger, Realtime } from '../ports';
import { findAccountRevocations, type AccountRevocation } from './account-revocations';
import { WEBHOOK_SOURCES, type WebhookSource } from './webhook-event';

export interface WebhookProcessingDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  realtime: Realtime;
  /** For the notification emails; without it they wait for the sweep. */
  queue?: JobQueue;
  /** Keeps the sweep looking while emails are pending (see sweep-marker.ts). */
  kv?: KeyValue;
}

export type WebhookProcessingOutcome =
  | { status: 'not_found' }
  | { status: 'already_processed' }
  | { status: 'processed'; accountsMarked: number; handled: boolean };

interface MarkedAccount {
  id: string;
  organizationId: string;
  platform: string;
  accountName: string | null;
  reason: string;
}

/** Roles that can reconnect an account are the ones told that it needs reconnecting. */
const NOTIFIED_ROLES = ['manager', 'admin'] as const;

async function markNeedsReauth(
  tx: Transaction,
  revocation: AccountRevocation,
  eventId: string,
): Promise<MarkedAccount[]> {
  const marked = await tx
    .update(socialAccounts)
    .set({ status: 'needs_reauth', statusReason: revocation.reason })
    .where(
      and(
        inArray(socialAccounts.platform, [...revocation.platforms]),
        eq(socialAccounts.accountId, revocation.accountId),
        eq(socialAccounts.status, 'active'),
      ),
    )
    .returning({
      id: socialAccounts.id,
      organizationId: socialAccounts.organizationId,
      platform: socialAccounts.platform,
      accountName: socialAccounts.accountName,
    });
  for (const account of marked) {
    await recordAudit(
      tx,
      { organizationId: account.organizationId },
      {
        action: 'needs_reauth',
        resourceType: 'social_account',
        resourceId: account.id,
        oldValues: { status: 'active' },
        newValues: { status: 'needs_reauth', statusReason: revocation.reason, webhookEventId: eventId },
      },
    );
    const members = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.organizationId, account.organizationId),
          inArray(organizationMembers.role, [...NOTIFIED_ROLES]),
        ),
      );
    // Each person's channels, as for every notification; emails go out after the commit.
    const recipients = await notificationRecipients(
      tx,
      account.organizationId,
      members.map((member) => member.userId),
      'account.needs_reauth',
    );
    await writeNotifications(
      tx,
      {
        organizationId: account.organizationId,
        type: 'account.needs_reauth',
        severity: 'warning',
        title: `Reconnect ${account.accountName ?? account.platform}`,
        body: revocation.reason,
        link: '/accounts',
        data: { socialAccountId: account.id, platform: account.platform },
      },
      recipients,
    );
  }
  return marked.map((account) => ({ ...account, reason: revocation.reason }));
}

/**
 * Processes one stored webhook event: routes what Plume understands (an access revocation
 * marks the matching connected accounts `needs_reauth`, audits it and tells the people who
 * can reconnect), logs what it does not, and marks the event processed, all in one
 * transaction. Safe to run twice: a processed event is left alone, and the row is locked
 * while it is processed so two workers cannot both act on it.
 */
export async function processWebhookEvent(
  deps: WebhookProcessingDeps,
  eventId: string,
): Promise<WebhookProcessingOutcome> {
  try {
    const result = await withSystem(deps.db, async (tx) => {
      const [event] = await tx
        .select()
        .from(webhookEvents)
        .where(eq(webhookEvents.id, eventId))
        .for('update');
      if (!event) return { outcome: { status: 'not_found' } as const, marked: [] };
      if (event.processed) return { outcome: { status: 'already_processed' } as const, marked: [] };
      const source = (WEBHOOK_SOURCES as readonly string[]).includes(event.source)
        ? (event.source as WebhookSource)
        : undefined;
      const revocations = source ? findAccountRevocations(source, event.eventData) : [];
      const marked: MarkedAccount[] = [];
      for (const revocation of revocations) marked.push(...(await markNeedsReauth(tx, revocation, event.id)));
      const organizations = new Set(marked.map((account) => account.organizationId));
      await tx
        .update(webhookEvents)
        .set({
          processed: true,
          processedAt: deps.clock.now(),
          errorMessage: null,
          // A platform-wide event touching one tenant is filed under it; otherwise it stays unowned.
          ...(organizations.size === 1 ? { organizationId: [...organizations][0] } : {}),
        })
        .where(eq(webhookEvents.id, event.id));
      if (revocations.length === 0) {
        deps.logger.info('Webhook event stored; Plume has no handler for this type, nothing to do', {
          webhookEventId: event.id,
          source: event.source,
          eventType: event.eventType,
        });
      } else {
        deps.logger.info('Webhook event revoked access', {
          webhookEventId: event.id,
          source: event.source,
          revokedAccountIds: revocations.map((r) => r.accountId),
          accountsMarked: marked.length,
        });
      }
      return {
        outcome: {
          status: 'processed',
          accountsMarked: marked.length,
          handled: revocations.length > 0,
        } as const,
        marked,
        emails: takePendingEmails(tx),
      };
    });
    const emails = result.emails ?? [];
    // The sweep retries a lost send, so it must not skip the database while these are pending.
    if (emails.length > 0 && deps.kv) await markTargetsInFlight(deps.kv, deps.clock, deps.clock.now());
    if (deps.queue) await enqueueNotificationEmails({ ...deps, queue: deps.queue }, emails);
    // After commit: the database is the record, the push is a courtesy (DESIGN.md section 4).
    for (const account of result.marked) {
      await deps.realtime
        .broadcast(account.organizationId, {
          type: 'social-account.updated',
          data: {
            id: account.id,
            platform: account.platform,
            status: 'needs_reauth',
            statusReason: account.reason,
          },
        })
        .catch((error: unknown) =>
          deps.logger.warn('Realtime push failed', { error: String(error), socialAccountId: account.id }),
        );
    }
    return result.outcome;
  } catch (error) {
    await withSystem(deps.db, (tx) =>
      tx
        .update(webhookEvents)
        .set({ retryCount: sql`${webhookEvents.retryCount} + 1`, errorMessage: String(error).slice(0, 2000) })
        .where(eq(webhookEvents.id, eventId)),
    ).catch(() => undefined);
    throw error;
  }
}
