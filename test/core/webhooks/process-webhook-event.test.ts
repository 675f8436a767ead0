import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local';
import type { Realtime, RealtimeMessage } from '../../../functions/core/ports';
import {
  processWebhookEvent,
  type WebhookProcessingDeps,
} from '../../../functions/core/webhooks/process-webhook-event';
import { storeWebhookEvent } from '../../../functions/core/webhooks/store-webhook-event';
import { describeWebhookEvent } from '../../../functions/core/webhooks/webhook-event';
import type { DatabaseHandle } from '../../../functions/db/client';
import { auditLogs, notifications, socialAccounts, webhookEvents } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase, type TestOrganization } from '../../support/db';
import { captureLogger } from '../../support/logger';

/** Records broadcasts; the WebSocket transport itself is tested with the local runtime. */
class RecordingRealtime implements Realtime {
  readonly sent: Array<{ organizationId: string; message: RealtimeMessage }> = [];
  async addConnection(): Promise<void> {}
  async removeConnection(): Promise<void> {}
  async sendToConnection(): Promise<boolean> {
    return false;
  }
  async broadcast(organizationId: string, message: RealtimeMessage): Promise<number> {
    this.sent.push({ organizationId, message });
    return 1;
  }
  deliverBroadcast(organizationId: string, message: RealtimeMessage): Promise<number> {
    return this.broadcast(organizationId, message);
  }
}

describe('processWebhookEvent', () => {
  let handle: DatabaseHandle;
  let org: TestOrganization;
  let deps: WebhookProcessingDeps & { logger: ReturnType<typeof captureLogger>; realtime: RecordingRealtime };
  const pageId = `page-${randomUUID()}`;
  let facebookAccountId: string;
  let sandboxAccountId: string;

  beforeAll(async () => {
    handle = await getTestDatabase();
    org = await createTestOrganization(handle.db, 'Webhooks');
    deps = {
      db: handle.db,
      clock: new ManualClock(new Date('2026-11-26T12:00:00Z')),
      logger: captureLogger(),
      realtime: new RecordingRealtime(),
    };
    await withSystem(handle.db, async (tx) => {
      const [facebook] = await tx
        .insert(socialAccounts)
        .values({
          organizationId: org.organizationId,
          platform: 'facebook',
          accountId: pageId,
          accountName: 'Analytical Page',
        })
        .returning();
      // Same platform id on another network: a Meta revocation must not touch it.
      const [sandbox] = await tx
        .insert(socialAccounts)
        .values({ organizationId: org.organizationId, platform: 'sandbox', accountId: pageId })
        .returning();
      facebookAccountId = facebook!.id;
      sandboxAccountId = sandbox!.id;
    });
  });
  afterAll(async () => handle?.close());

  const store = (source: 'facebook' | 'twitter' | 'linkedin', payload: unknown) =>
    storeWebhookEvent(handle.db, describeWebhookEvent(source, Buffer.from(JSON.stringify(payload)), payload));

  it('stores an event once: a redelivery is reported as a duplicate of the same row', async () => {
    const payload = {
      object: 'page',
      entry: [{ id: pageId, time: 1, changes: [{ field: 'feed', value: { nonce: randomUUID() } }] }],
    };
    const [first, second] = await Promise.all([store('facebook', payload), store('facebook', payload)]);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(first.id).toBe(second.id);
    const rows = await withSystem(handle.db, (tx) =>
      tx.select().from(webhookEvents).where(eq(webhookEvents.id, first.id)),
    );
    expect(rows).toHaveLength(1);
  });

  it('marks the matching Meta account needs_reauth, audits, notifies admins, pushes, and files the event under the tenant', async () => {
    const payload = {
      object: 'permissions',
      entry: [{ id: pageId, time: 1, changes: [{ field: 'connected', value: { verb: 'revoked' } }] }],
    };
    const stored = await store('facebook', payload);

    await expect(processWebhookEvent(deps, stored.id)).resolves.toEqual({
      status: 'processed',
      accountsMarked: 1,
      handled: true,
    });

    const accounts = await withSystem(handle.db, (tx) =>
      tx.select().from(socialAccounts).where(eq(socialAccounts.organizationId, org.organizationId)),
    );
    expect(accounts.find((a) => a.id === facebookAccountId)).toMatchObject({
      status: 'needs_reauth',
      statusReason: expect.stringContaining('connected'),
    });
    expect(accounts.find((a) => a.id === sandboxAccountId)?.status).toBe('active');
    const [event] = await withSystem(handle.db, (tx) =>
      tx.select().from(webhookEvents).where(eq(webhookEvents.id, stored.id)),
    );
    expect(event).toMatchObject({
      processed: true,
      organizationId: org.organizationId,
      processedAt: new Date('2026-11-26T12:00:00Z'),
    });
    const audit = await withSystem(handle.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, facebookAccountId), eq(auditLogs.action, 'needs_reauth'))),
    );
    expect(audit).toHaveLength(1);
    const notes = await withSystem(handle.db, (tx) =>
      tx.select().from(notifications).where(eq(notifications.organizationId, org.organizationId)),
    );
    expect(notes).toEqual([
      expect.objectContaining({ userId: org.userId, type: 'account.needs_reauth', severity: 'warning' }),
    ]);
    expect(deps.realtime.sent).toEqual([
      {
        organizationId: org.organizationId,
        message: {
          type: 'social-account.updated',
          data: expect.objectContaining({ id: facebookAccountId, status: 'needs_reauth' }),
        },
      },
    ]);

    // Running the job again (SQS redelivery) changes nothing.
    await expect(processWebhookEvent(deps, stored.id)).resolves.toEqual({ status: 'already_processed' });
    const again = await withSystem(handle.db, (tx) =>
      tx.select().from(notifications).where(eq(notifications.organizationId, org.organizationId)),
    );
    expect(again).toHaveLength(1);
  });

  it('marks an event without a handler processed and leaves a clear log line', async () => {
    const stored = await store('linkedin', {
      notificationId: randomUUID(),
      type: 'ORGANIZATION_SOCIAL_ACTION',
    });
    await expect(processWebhookEvent(deps, stored.id)).resolves.toEqual({
      status: 'processed',
      accountsMarked: 0,
      handled: false,
    });
    expect(deps.logger.entries).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: expect.stringContaining('no handler'),
        extra: [
          expect.objectContaining({
            webhookEventId: stored.id,
            source: 'linkedin',
            eventType: 'ORGANIZATION_SOCIAL_ACTION',
          }),
        ],
      }),
    );
  });

  it('answers not_found for an id that does not exist', async () => {
    await expect(processWebhookEvent(deps, randomUUID())).resolves.toEqual({ status: 'not_found' });
  });
});
