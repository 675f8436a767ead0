import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostOutcomes } from '../../../functions/core/agents/post-outcomes';
import type { DatabaseHandle } from '../../../functions/db/client';
import { accountMetrics } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import { analyticsFixtures } from '../../http/analytics/support';
import { createTestOrganization, getTestDatabase } from '../../support/db';

describe('loadPostOutcomes', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  let otherOrganizationId: string;
  let mastodon: string;
  let sandbox: string;

  beforeAll(async () => {
    handle = await getTestDatabase();
    const { db } = handle;
    organizationId = (await createTestOrganization(db)).organizationId;
    otherOrganizationId = (await createTestOrganization(db)).organizationId;
    const { account, published } = analyticsFixtures(db);
    mastodon = await account(organizationId, 'mastodon', '@bakery');
    sandbox = await account(organizationId, 'sandbox', 'Bakery sandbox');
    await withSystem(db, (tx) =>
      tx.insert(accountMetrics).values([
        {
          organizationId,
          socialAccountId: mastodon,
          dateBucket: '2035-03-01',
          followersCount: 500,
          source: 't',
        },
        {
          organizationId,
          socialAccountId: mastodon,
          dateBucket: '2035-03-03',
          followersCount: 520,
          source: 't',
        },
        // A reading without followers is passed over.
        { organizationId, socialAccountId: mastodon, dateBucket: '2035-03-04', source: 't' },
      ]),
    );
    // Two snapshots: the latest (likes 9, comments 2) is the outcome.
    await published(
      organizationId,
      mastodon,
      'mastodon',
      '2035-03-04T10:00:00Z',
      [
        { at: '2035-03-04T11:00:00Z', figures: { likes: 4, impressions: 100 } },
        { at: '2035-03-05T11:00:00Z', figures: { likes: 9, comments: 2, impressions: 300 } },
      ],
      {
        content: 'Rye loaves #bread https://example.com',
        mediaIds: [crypto.randomUUID(), crypto.randomUUID()],
      },
    );
    await published(organizationId, mastodon, 'mastodon', '2035-03-02T08:00:00Z', [
      { at: '2035-03-02T09:00:00Z', figures: { likes: 1 } },
    ]);
    // Never synced: figures null.
    await published(organizationId, sandbox, 'sandbox', '2035-03-06T08:00:00Z', [], { content: 'Fresh' });
    // Outside the window, failed, and another organization's: none of them.
    await published(organizationId, sandbox, 'sandbox', '2035-02-01T08:00:00Z', [], { content: 'Old' });
    await published(organizationId, sandbox, 'sandbox', '2035-03-05T08:00:00Z', [], { status: 'failed' });
    const foreign = await account(otherOrganizationId, 'sandbox');
    await published(otherOrganizationId, foreign, 'sandbox', '2035-03-05T08:00:00Z', [
      { at: '2035-03-05T09:00:00Z', figures: { likes: 50 } },
    ]);
  });

  afterAll(async () => {
    await handle?.close();
  });

  const load = (filter: Partial<Parameters<typeof loadPostOutcomes>[2]> = {}) =>
    withTenant(handle.db, organizationId, (tx) =>
      loadPostOutcomes(tx, organizationId, {
        since: new Date('2035-03-01T00:00:00Z'),
        until: new Date('2035-03-08T00:00:00Z'),
        ...filter,
      }),
    );

  it('gives each published copy in the window, oldest first, with its latest figures and the followers then', async () => {
    const outcomes = await load();
    expect(outcomes.map((o) => o.publishedAt.toISOString())).toEqual([
      '2035-03-02T08:00:00.000Z',
      '2035-03-04T10:00:00.000Z',
      '2035-03-06T08:00:00.000Z',
    ]);
    const [early, rye, fresh] = outcomes;
    expect(early).toMatchObject({ engagement: 1, followersAtPublish: 500, socialAccountId: mastodon });
    expect(rye).toMatchObject({
      platform: 'mastodon',
      text: 'Rye loaves #bread https://example.com',
      mediaCount: 2,
      engagement: 11,
      impressions: 300,
      // The reading of 03-03: the one of 03-04 has no follower count.
      followersAtPublish: 520,
      asOf: new Date('2035-03-05T11:00:00Z'),
    });
    expect(fresh).toMatchObject({
      socialAccountId: sandbox,
      text: 'Fresh',
      mediaCount: 0,
      engagement: null,
      impressions: null,
      followersAtPublish: null,
      asOf: null,
    });
  });

  it('filters by account and network', async () => {
    expect((await load({ accountIds: [sandbox] })).map((o) => o.text)).toEqual(['Fresh']);
    expect((await load({ platforms: ['mastodon'] })).length).toBe(2);
  });
});
