import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryKeyValue } from '../../../functions/adapters/local/memory-key-value';
import { listCompetitors } from '../../../functions/core/analytics/competitor-accounts';
import { syncCompetitor } from '../../../functions/core/analytics/competitor-sync';
import {
  nextCompetitorReadAt,
  queueDueCompetitorSyncs,
  SYNC_COMPETITOR,
} from '../../../functions/core/analytics/competitor-sync-tick';
import type { JobQueue, QueueName } from '../../../functions/core/ports';
import { competitorPosts, competitors, competitorSnapshots } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startMastodonPublicStandIn } from '../../platforms/support/mastodon-public-stand-in';
import { startAccountsRuntime, type AccountsEnv } from '../../http/social-accounts/support';

class RecordingQueue implements Pick<JobQueue, 'sendBatch'> {
  readonly sent: Record<string, unknown>[] = [];
  async sendBatch(_queue: QueueName, bodies: unknown[]): Promise<void> {
    this.sent.push(...(bodies as Record<string, unknown>[]));
  }
}

describe('the competitor sync', () => {
  let env: AccountsEnv;
  let mastodon: Awaited<ReturnType<typeof startMastodonPublicStandIn>>;
  let user: TestClient;
  let organizationId: string;
  let competitorId: string;

  const stored = () =>
    withSystem(env.container.db, async (tx) => ({
      competitor: (await tx.select().from(competitors).where(eq(competitors.id, competitorId)))[0]!,
      posts: await tx
        .select()
        .from(competitorPosts)
        .where(eq(competitorPosts.competitorId, competitorId))
        .orderBy(competitorPosts.externalId),
      snapshots: await tx
        .select()
        .from(competitorSnapshots)
        .where(eq(competitorSnapshots.competitorId, competitorId))
        .orderBy(competitorSnapshots.capturedAt),
    }));

  beforeAll(async () => {
    mastodon = await startMastodonPublicStandIn();
    mastodon.accounts.set('rival', {
      id: '77',
      username: 'rival',
      display_name: 'Rival Roasters',
      followers_count: 400,
      statuses_count: 12,
      statuses: [
        {
          id: '501',
          created_at: '2031-03-30T09:00:00.000Z',
          content: '<p>Spring blend</p>',
          replies_count: 2,
          reblogs_count: 3,
          favourites_count: 15,
        },
      ],
    });
    env = await startAccountsRuntime({}, new Date('2031-03-31T12:00:00.000Z'));
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    organizationId = first.organizationId;
    user = (await env.addMember(first.client, 'user')).client;
    const added = await user.post<{ id: string }>('/api/analytics/competitors/accounts', {
      platform: 'mastodon',
      handle: 'rival',
      instance: mastodon.url,
    });
    expect(added.status).toBe(201);
    competitorId = added.body.id;
  }, 180_000);
  afterAll(async () => {
    await env?.stop();
    await mastodon?.close();
  });

  it('stores each post once: a second read updates its counts, adds new posts and one snapshot per read', async () => {
    const account = mastodon.accounts.get('rival')!;
    account.statuses[0]!.favourites_count = 20;
    account.statuses.push({
      id: '502',
      created_at: '2031-04-01T08:00:00.000Z',
      content: '<p>Iced</p>',
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 4,
    });
    account.followers_count = 410;
    env.clock.advance(24 * 3600_000);
    expect(await syncCompetitor(env.container, { organizationId, competitorId })).toBe('synced');
    expect(await syncCompetitor(env.container, { organizationId, competitorId })).toBe('synced');
    const after = await stored();
    expect(after.posts.map((p) => [p.externalId, p.likesCount, p.commentsCount, p.sharesCount])).toEqual([
      ['501', 20, 2, 3],
      ['502', 4, 0, 0],
    ]);
    expect(after.snapshots.map((s) => s.followersCount)).toEqual([400, 410, 410]);
    // 2 posts in 30 days: 0.47 a week; rates (25 / 410, 4 / 410) x 100 averaged: 3.54.
    expect(after.snapshots.at(-1)).toMatchObject({
      postsCount: 12,
      postingCadence: 0.47,
      avgEngagementRate: 3.54,
    });
    expect(after.competitor).toMatchObject({ lastCheckError: null, lastCheckedAt: env.clock.now() });
  });

  it('records why a read failed, keeps what it had, and clears the error after a good read', async () => {
    const before = await stored();
    mastodon.state.requireSignIn = true;
    env.clock.advance(3600_000);
    expect(await syncCompetitor(env.container, { organizationId, competitorId })).toBe('failed');
    const failed = await stored();
    expect(failed.competitor.lastCheckError).toMatch(/only to signed-in users/);
    expect(failed.competitor.lastCheckedAt).toEqual(env.clock.now());
    expect(failed.posts).toEqual(before.posts);
    expect(failed.snapshots).toHaveLength(before.snapshots.length);
    // The list shows the error next to the figures of the last good read.
    const [listed] = await withTenant(env.container.db, organizationId, (tx) =>
      listCompetitors(tx, organizationId),
    );
    expect(listed).toMatchObject({
      lastCheckError: failed.competitor.lastCheckError,
      latest: { followers: 410 },
    });
    mastodon.state.requireSignIn = false;
    expect(await syncCompetitor(env.container, { organizationId, competitorId })).toBe('synced');
    expect((await stored()).competitor.lastCheckError).toBeNull();
  });

  it('is due at the daily metrics slot, at least 20 hours after the last read', () => {
    expect(nextCompetitorReadAt(null)).toEqual(new Date(0));
    expect(nextCompetitorReadAt(new Date('2031-04-01T05:00:00Z'))).toEqual(new Date('2031-04-02T06:00:00Z'));
    expect(nextCompetitorReadAt(new Date('2031-04-01T10:00:00Z'))).toEqual(new Date('2031-04-02T06:00:00Z'));
    expect(nextCompetitorReadAt(new Date('2031-04-01T12:00:00Z'))).toEqual(new Date('2031-04-03T06:00:00Z'));
  });

  it('is queued by the sweep once when due, and the marker keeps the database asleep until the next slot', async () => {
    const kv = new MemoryKeyValue(env.clock);
    const queue = new RecordingQueue();
    const deps = { db: env.container.db, kv, queue, clock: env.clock, logger: env.container.logger };
    const { lastCheckedAt } = (await stored()).competitor;
    const due = nextCompetitorReadAt(lastCheckedAt);
    const early = await queueDueCompetitorSyncs(deps, { respectMarker: true, organizationId });
    expect(early).toEqual({ skipped: false, queued: 0, nextDueAt: due });
    expect(await queueDueCompetitorSyncs(deps, { respectMarker: true, organizationId })).toMatchObject({
      skipped: true,
    });
    env.clock.set(due);
    const queued = await queueDueCompetitorSyncs(deps, { respectMarker: true, organizationId });
    expect(queued.queued).toBe(1);
    expect(queue.sent).toEqual([{ type: SYNC_COMPETITOR, organizationId, competitorId }]);
    expect(queued.nextDueAt).toEqual(nextCompetitorReadAt(due));
    // A second sweep before the job ran does not queue it twice.
    expect((await queueDueCompetitorSyncs(deps, { respectMarker: false, organizationId })).queued).toBe(0);
  });
});
