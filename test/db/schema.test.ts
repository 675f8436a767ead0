import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../functions/db/client';
import {
  postPlatforms,
  posts,
  postTargetEvents,
  socialAccounts,
  users,
  webhookEvents,
} from '../../functions/db/schema';
import { withSystem, withTenant } from '../../functions/db/tenant';
import { getTestDatabase } from '../support/db';
import { seedTenant, type SeededTenant } from './seed-tenant';

/** Collects the messages of an error and its causes (drizzle wraps driver errors). */
async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const messages: string[] = [];
    for (let current: unknown = error; current instanceof Error; current = current.cause)
      messages.push(current.message);
    return messages.join(' | ');
  }
  return 'no error';
}

describe('schema rules enforced by the database', () => {
  let handle: DatabaseHandle;
  let a: SeededTenant;
  let b: SeededTenant;

  beforeAll(async () => {
    handle = await getTestDatabase();
    a = await seedTenant(handle.db);
    b = await seedTenant(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('joins a post to its targets, their account and their events through a tenant transaction', async () => {
    const rows = await withTenant(handle.db, a.organizationId, (tx) =>
      tx
        .select({
          status: postPlatforms.status,
          version: postPlatforms.version,
          accountId: socialAccounts.id,
          fromStatus: postTargetEvents.fromStatus,
          toStatus: postTargetEvents.toStatus,
        })
        .from(posts)
        .innerJoin(postPlatforms, eq(postPlatforms.postId, posts.id))
        .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
        .innerJoin(postTargetEvents, eq(postTargetEvents.postPlatformId, postPlatforms.id))
        .where(eq(posts.id, a.postId)),
    );
    expect(rows).toEqual([
      {
        status: 'scheduled',
        version: 0,
        accountId: a.socialAccountId,
        fromStatus: 'draft',
        toStatus: 'scheduled',
      },
    ]);
  });

  it('refuses a post target whose account belongs to another organization, even as the system role', async () => {
    const message = await failureOf(() =>
      withSystem(handle.db, (tx) =>
        tx
          .insert(postPlatforms)
          .values({ organizationId: a.organizationId, postId: a.postId, socialAccountId: b.socialAccountId }),
      ),
    );
    expect(message).toMatch(/post_platforms_social_account_fk/);
  });

  it('refuses an unknown target status', async () => {
    const message = await failureOf(() =>
      withTenant(handle.db, a.organizationId, (tx) =>
        tx.execute(sql`update post_platforms set status = 'pending' where id = ${a.postPlatformId}`),
      ),
    );
    expect(message).toMatch(/post_platforms_status_check/);
  });

  it('connects an account once per network and server', async () => {
    const account = (platform: 'mastodon' | 'twitter', serviceUrl: string | null) => () =>
      withTenant(handle.db, a.organizationId, (tx) =>
        tx
          .insert(socialAccounts)
          .values({ organizationId: a.organizationId, platform, accountId: '109', serviceUrl }),
      );
    // Mastodon ids are per instance: the same id on two servers is two accounts.
    expect(await failureOf(account('mastodon', 'https://one.example'))).toBe('no error');
    expect(await failureOf(account('mastodon', 'https://two.example'))).toBe('no error');
    expect(await failureOf(account('mastodon', 'https://one.example'))).toMatch(
      /social_accounts_organization_platform_account_key/,
    );
    // Without a server, nulls must still collide (NULLS NOT DISTINCT).
    expect(await failureOf(account('twitter', null))).toBe('no error');
    expect(await failureOf(account('twitter', null))).toMatch(
      /social_accounts_organization_platform_account_key/,
    );
  });

  it('stores emails lower-cased only', async () => {
    const message = await failureOf(() =>
      withSystem(handle.db, (tx) => tx.insert(users).values({ email: `Mixed-${a.slug}@Example.test` })),
    );
    expect(message).toMatch(/users_email_lowercase_check/);
  });

  it('stores a webhook event once per source and external id', async () => {
    const event = {
      source: 'stripe',
      externalId: `evt_${a.slug}`,
      eventType: 'invoice.paid',
      eventData: { n: 1 },
    };
    const inserted = await withSystem(handle.db, async (tx) => {
      const first = await tx
        .insert(webhookEvents)
        .values(event)
        .onConflictDoNothing()
        .returning({ id: webhookEvents.id });
      const again = await tx
        .insert(webhookEvents)
        .values(event)
        .onConflictDoNothing()
        .returning({ id: webhookEvents.id });
      return [first.length, again.length];
    });
    expect(inserted).toEqual([1, 0]);
  });
});
