import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccountMentions } from '../../../functions/core/listening/ingest-mentions';
import { tokenContext } from '../../../functions/core/social-accounts/credentials';
import { mentions, sandboxAccounts, sandboxPosts, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { overrideConnectors } from '../../../functions/platforms/registry';
import { startIdentityRuntime } from '../../support/identity-runtime';
import {
  startMastodonNotificationsStandIn,
  type MastodonNotificationsStandIn,
} from '../../platforms/support/mastodon-notifications-stand-in';

/**
 * One account's mentions read (the job the sweep queues), against real PostgreSQL: Sandbox
 * posts naming the account and replies to its posts stored once however many reads run at
 * once, scored, with the cursor; a missing listening permission kept on the account while it
 * stays connected; an expired grant marking it for reconnection.
 */

const T0 = new Date('2034-02-01T12:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

describe('readAccountMentions', () => {
  let env: Env;
  let organizationId: string;
  let sandboxAccountId: string;
  let instance: MastodonNotificationsStandIn;
  const handle = `loaf${Math.random().toString(36).slice(2, 8)}`;
  const request = () => ({ organizationId, accountId: sandboxAccountId });

  const account = async (id: string) =>
    (
      await withSystem(env.runtime.container.db, (tx) =>
        tx.select().from(socialAccounts).where(eq(socialAccounts.id, id)),
      )
    )[0]!;
  const stored = () =>
    withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(mentions)
        .where(eq(mentions.organizationId, organizationId))
        .orderBy(mentions.mentionedAt),
    );

  async function say(who: string, text: string, minutesAgo: number, replyToId?: string): Promise<string> {
    const at = new Date(T0.getTime() - minutesAgo * 60_000);
    const [row] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .insert(sandboxPosts)
        .values({
          handle: who,
          kind: replyToId ? 'reply' : 'post',
          replyToId,
          text,
          publishedAt: at,
          followersAtPublish: 10,
          timeZone: 'UTC',
          createdAt: at,
        })
        .returning({ id: sandboxPosts.id }),
    );
    return row!.id;
  }

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const admin = await env.signUp();
    organizationId = admin.organizationId;
    const { db } = env.runtime.container;
    await withSystem(db, (tx) =>
      tx
        .insert(sandboxAccounts)
        .values(
          [handle, `${handle}.fan`, `${handle}x`].map((h) => ({ handle: h, displayName: h, followers: 10 })),
        ),
    );
    const [row] = await withSystem(db, (tx) =>
      tx
        .insert(socialAccounts)
        .values({
          organizationId,
          platform: 'sandbox',
          accountId: handle,
          accountHandle: handle,
          accountName: 'Loaf',
        })
        .returning({ id: socialAccounts.id }),
    );
    sandboxAccountId = row!.id;
    const own = await say(handle, 'Fresh bread today', 300);
    await say(`${handle}.fan`, `@${handle} your bread is awful, stale and overpriced`, 200);
    await say(`${handle}.fan`, 'Best loaf I ever had, thank you!', 100, own);
    await say(`${handle}.fan`, `Not about you: @${handle}x is great`, 90);
    await say(`${handle}.fan`, `@${handle} posted an hour from now`, -60);
    instance = await startMastodonNotificationsStandIn();
    instance.tokens.set('publish-only', ['read:accounts', 'read:statuses', 'write:statuses']);
    overrideConnectors({ options: { mastodon: { allowPrivateInstances: true } } });
  }, 120_000);

  afterAll(async () => {
    overrideConnectors({});
    await instance?.close();
    await env?.stop();
  });

  it('stores each mention once when reads run together, scored, with its kind, and the cursor with them', async () => {
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => readAccountMentions(env.runtime.container, request())),
    );
    const rows = await stored();
    expect(rows.map((r) => [r.kind, r.content])).toEqual([
      ['mention', `@${handle} your bread is awful, stale and overpriced`],
      ['reply', 'Best loaf I ever had, thank you!'],
    ]);
    expect(rows.map((r) => r.sentimentLabel)).toEqual(['negative', 'positive']);
    expect(rows[0]!.sentimentScore).toBeLessThan(0);
    expect(rows[1]!.parentExternalId).not.toBeNull();
    expect(rows.every((r) => r.socialAccountId === sandboxAccountId && r.platform === 'sandbox')).toBe(true);
    const inserted = outcomes.map((o) => (o.status === 'read' ? o.inserted : -1));
    expect(inserted.reduce((a, b) => a + b, 0)).toBe(2);
    const after = await account(sandboxAccountId);
    // The last post looked at, even one left out (`@...x` names another account).
    expect(after.mentionsCursor).toMatch(
      new RegExp(`^${new Date(T0.getTime() - 90 * 60_000).toISOString()}\\|`),
    );
    expect(after.mentionsSyncedAt).toEqual(env.clock.now());
    expect(after.mentionsSyncError).toBeNull();
  });

  it('a rerun inserts nothing; what was published since is read next, alone', async () => {
    const again = await readAccountMentions(env.runtime.container, request());
    expect(again).toMatchObject({ status: 'read', inserted: 0, read: 0 });
    env.clock.advance(2 * 3_600_000);
    const next = await readAccountMentions(env.runtime.container, request());
    expect(next).toMatchObject({ status: 'read', inserted: 1 });
    expect((await stored()).at(-1)!.content).toBe(`@${handle} posted an hour from now`);
  });

  it('a Mastodon grant without read:notifications: the reason kept on the account, which stays connected, cursor untouched', async () => {
    const { db, crypto } = env.runtime.container;
    const [row] = await withSystem(db, (tx) =>
      tx
        .insert(socialAccounts)
        .values({
          organizationId,
          platform: 'mastodon',
          accountId: '1',
          accountHandle: 'loaf@stand.in',
          serviceUrl: instance.url,
          mentionsCursor: '100',
        })
        .returning(),
    );
    const token = await crypto.encrypt('publish-only', tokenContext(row!));
    await withSystem(db, (tx) =>
      tx.update(socialAccounts).set({ accessTokenEnc: token }).where(eq(socialAccounts.id, row!.id)),
    );
    const outcome = await readAccountMentions(env.runtime.container, { organizationId, accountId: row!.id });
    expect(outcome.status).toBe('failed');
    const after = await account(row!.id);
    expect(after.status).toBe('active');
    expect(after.mentionsSyncError).toMatch(/read:notifications/);
    expect(after.mentionsCursor).toBe('100');

    // A token the instance no longer knows: the account needs reconnecting, as for publishing.
    const revoked = await crypto.encrypt('revoked', tokenContext(row!));
    await withSystem(db, (tx) =>
      tx.update(socialAccounts).set({ accessTokenEnc: revoked }).where(eq(socialAccounts.id, row!.id)),
    );
    expect(
      (await readAccountMentions(env.runtime.container, { organizationId, accountId: row!.id })).status,
    ).toBe('failed');
    expect((await account(row!.id)).status).toBe('needs_reauth');
    // And a disconnected or waiting account is not read at all.
    expect(await readAccountMentions(env.runtime.container, { organizationId, accountId: row!.id })).toEqual({
      status: 'skipped',
    });
  });
});
