import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountReadings, readingSeries } from '../../../../functions/core/agents/anomalies/load-account-readings';
import { loadPostGrowth } from '../../../../functions/core/agents/anomalies/load-post-growth';
import { loadTrackerInput } from '../../../../functions/core/agents/anomalies/load-tracker-input';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { accountMetrics } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { analyticsFixtures } from '../../../http/analytics/support';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

describe('performance tracker loaders', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  let mastodon: string;
  let bluesky: string;
  let viralTarget: string;

  beforeAll(async () => {
    handle = await getTestDatabase();
    const { db } = handle;
    organizationId = (await createTestOrganization(db)).organizationId;
    const other = (await createTestOrganization(db)).organizationId;
    const { account, published } = analyticsFixtures(db);
    mastodon = await account(organizationId, 'mastodon');
    bluesky = await account(organizationId, 'bluesky');
    const foreign = await account(other, 'mastodon');
    await withSystem(db, (tx) =>
      tx.insert(accountMetrics).values([
        { organizationId, socialAccountId: mastodon, dateBucket: '2035-03-01', followersCount: 500, impressionsCount: 40, source: 't' },
        { organizationId, socialAccountId: mastodon, dateBucket: '2035-03-02', followersCount: 510, source: 't' },
        { organizationId, socialAccountId: bluesky, dateBucket: '2035-03-02', followersCount: 70, source: 't' },
        { organizationId, socialAccountId: mastodon, dateBucket: '2035-02-01', followersCount: 1, source: 't' },
        { organizationId: other, socialAccountId: foreign, dateBucket: '2035-03-01', followersCount: 9, source: 't' },
      ]),
    );
    viralTarget = (
      await published(organizationId, mastodon, 'mastodon', '2035-03-02T10:00:00Z', [
        { at: '2035-03-02T12:00:00Z', figures: { likes: 4, impressions: 100 } },
        { at: '2035-03-02T11:00:00Z', figures: { likes: 1, comments: 1 } },
        // A snapshot without any engagement part is not a reading of engagement.
        { at: '2035-03-02T13:00:00Z', figures: { impressions: 300 } },
      ])
    ).targetId;
    await published(organizationId, bluesky, 'bluesky', '2035-02-20T10:00:00Z', [
      { at: '2035-02-28T10:00:00Z', figures: { likes: 8 } },
    ]);
    await published(other, foreign, 'mastodon', '2035-03-02T10:00:00Z', [
      { at: '2035-03-02T11:00:00Z', figures: { likes: 50 } },
    ]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(handle.db, organizationId, work);

  it('reads the organization’s daily account readings in the days asked, as series per account', async () => {
    const readings = await inTenant((tx) => loadAccountReadings(tx, organizationId, { from: '2035-03-01', to: '2035-03-02' }));
    expect(readings).toHaveLength(3);
    const series = readingSeries(readings);
    expect(series.find((s) => s.socialAccountId === mastodon && s.metric === 'followers')!.points).toEqual([
      { day: '2035-03-01', value: 500 },
      { day: '2035-03-02', value: 510 },
    ]);
    expect(series.find((s) => s.socialAccountId === mastodon && s.metric === 'impressions')!.points).toEqual([
      { day: '2035-03-01', value: 40 },
      { day: '2035-03-02', value: null },
    ]);
    const one = await inTenant((tx) =>
      loadAccountReadings(tx, organizationId, { from: '2035-03-01', to: '2035-03-02', accountIds: [bluesky] }),
    );
    expect(one).toEqual([{ socialAccountId: bluesky, day: '2035-03-02', followers: 70, impressions: null }]);
  });

  it('reads each post’s engagement over time, in order, without readings that have none', async () => {
    const growth = await inTenant((tx) =>
      loadPostGrowth(tx, organizationId, { since: new Date('2035-03-01T00:00:00Z'), until: new Date('2035-03-03T00:00:00Z') }),
    );
    expect(growth).toEqual([
      {
        targetId: viralTarget,
        socialAccountId: mastodon,
        publishedAt: new Date('2035-03-02T10:00:00Z'),
        points: [
          { at: new Date('2035-03-02T11:00:00Z'), engagement: 2 },
          { at: new Date('2035-03-02T12:00:00Z'), engagement: 4 },
        ],
      },
    ]);
  });

  it('puts together the daily run’s input', async () => {
    const input = await inTenant((tx) =>
      loadTrackerInput(tx, organizationId, new Date('2035-03-03T07:00:00Z'), { historyDays: 20 }),
    );
    expect(input.series.map((s) => [s.socialAccountId === mastodon ? 'mastodon' : 'bluesky', s.metric, s.points.length]).sort()).toEqual([
      ['bluesky', 'engagementPerPost', 1],
      ['bluesky', 'followers', 1],
      ['bluesky', 'impressions', 1],
      ['mastodon', 'engagementPerPost', 0],
      ['mastodon', 'followers', 2],
      ['mastodon', 'impressions', 2],
    ]);
    // 20 days back leaves out the reading of 2035-02-01. The bluesky post, read 8 days after
    // publication, is mature; the mastodon one is not yet.
    expect(input.series.find((s) => s.metric === 'engagementPerPost' && s.socialAccountId === bluesky)!.points).toEqual([
      { day: '2035-02-20', value: 8 },
    ]);
    expect(input.posts.map((p) => p.targetId)).toContain(viralTarget);
  });
});
