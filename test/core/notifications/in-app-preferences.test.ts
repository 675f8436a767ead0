import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyPostTarget } from '../../../functions/core/notifications/post-notifications';
import { markNeedsReauth } from '../../../functions/core/social-accounts/credentials';
import type { DatabaseHandle } from '../../../functions/db/client';
import {
  notifications,
  notificationSettings,
  organizationMembers,
  socialAccounts,
  users,
  type NotificationPreferences,
} from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase, type TestOrganization } from '../../support/db';

type Role = 'admin' | 'manager' | 'user' | 'viewer';

describe('in-app preferences decide who gets a notification row', () => {
  let handle: DatabaseHandle;
  let org: TestOrganization;

  const db = () => handle.db;
  async function member(role: Role, preferences?: NotificationPreferences): Promise<string> {
    return withSystem(db(), async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: `${role}-${crypto.randomUUID().slice(0, 8)}@example.test`,
          organizationId: org.organizationId,
          firstName: 'Test',
          lastName: role,
        })
        .returning({ id: users.id });
      await tx
        .insert(organizationMembers)
        .values({ organizationId: org.organizationId, userId: user!.id, role });
      if (preferences) await setPreferences(tx, user!.id, preferences);
      return user!.id;
    });
  }
  const setPreferences = (
    tx: Parameters<Parameters<typeof withSystem>[1]>[0],
    userId: string,
    preferences: NotificationPreferences,
  ) =>
    tx
      .insert(notificationSettings)
      .values({ organizationId: org.organizationId, userId, preferences })
      .onConflictDoUpdate({
        target: [notificationSettings.organizationId, notificationSettings.userId],
        set: { preferences },
      });
  const rowsOf = (userId: string) =>
    withSystem(db(), (tx) => tx.select().from(notifications).where(eq(notifications.userId, userId)));

  beforeAll(async () => {
    handle = await getTestDatabase();
    org = await createTestOrganization(db(), 'Notification preferences');
  });
  afterAll(async () => handle?.close());

  it('markNeedsReauth skips the recipients who switched account.needs_reauth off, in the same transaction', async () => {
    // The admin switched the type off; the manager switched only another type off.
    await withSystem(db(), (tx) =>
      setPreferences(tx, org.userId, { 'account.needs_reauth': { in_app: false, email: true } }),
    );
    const manager = await member('manager', { 'post.failed': { in_app: false } });
    const quietManager = await member('manager', { 'account.needs_reauth': { in_app: false } });
    const connector = await member('user');
    const bystander = await member('user');
    const [account] = await withSystem(db(), (tx) =>
      tx
        .insert(socialAccounts)
        .values({
          organizationId: org.organizationId,
          userId: connector,
          platform: 'sandbox',
          accountId: `acct-${crypto.randomUUID()}`,
          accountName: 'Quiet account',
        })
        .returning({ id: socialAccounts.id }),
    );

    const now = new Date('2033-01-02T03:04:05.000Z');
    const changed = await withTenant(db(), org.organizationId, (tx) =>
      markNeedsReauth(tx, account!.id, 'The token was revoked', now),
    );
    expect(changed).toBe(true);
    for (const userId of [manager, connector]) {
      const rows = await rowsOf(userId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        type: 'account.needs_reauth',
        organizationId: org.organizationId,
        body: 'The token was revoked',
        createdAt: now,
        inApp: true,
        // Unverified addresses are never mailed.
        emailStatus: null,
      });
    }
    for (const userId of [quietManager, bystander]) expect(await rowsOf(userId)).toEqual([]);
    // The admin (verified) switched the app off but kept email: the row exists to be mailed only.
    expect((await rowsOf(org.userId)).map((r) => [r.inApp, r.emailStatus])).toEqual([[false, 'pending']]);
  });

  it('notifyPostTarget writes for the author unless the type is off for them', async () => {
    const author = await member('user', {
      'post.failed': { in_app: false },
      'post.published': { email: false },
    });
    const note = (type: 'post.failed' | 'post.published') =>
      withTenant(db(), org.organizationId, (tx) =>
        notifyPostTarget(tx, {
          organizationId: org.organizationId,
          userId: author,
          type,
          title: type,
          postId: crypto.randomUUID(),
          targetId: crypto.randomUUID(),
        }),
      );
    expect(await note('post.failed')).toBe(false);
    expect(await rowsOf(author)).toEqual([]);
    expect(await note('post.published')).toBe(true);
    expect((await rowsOf(author)).map((r) => [r.type, r.severity])).toEqual([['post.published', 'success']]);
  });
});
