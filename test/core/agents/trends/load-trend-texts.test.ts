import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrendTexts } from '../../../../functions/core/agents/trends/load-trend-texts';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { competitorPosts, competitors, mentions } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { analyticsFixtures } from '../../../http/analytics/support';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

describe('loadTrendTexts', () => {
  let handle: DatabaseHandle;
  let organizationId: string;

  beforeAll(async () => {
    handle = await getTestDatabase();
    const { db } = handle;
    organizationId = (await createTestOrganization(db)).organizationId;
    const other = (await createTestOrganization(db)).organizationId;
    const { account, published } = analyticsFixtures(db);
    const mastodon = await account(organizationId, 'mastodon');
    await published(organizationId, mastodon, 'mastodon', '2035-03-02T10:00:00Z', [], { content: 'Our #bread' });
    await published(organizationId, mastodon, 'mastodon', '2035-04-02T10:00:00Z', [], { content: 'Too late' });
    await withSystem(db, async (tx) => {
      await tx.insert(mentions).values([
        { organizationId, platform: 'bluesky', externalId: 'm1', content: 'Love the bread', mentionedAt: new Date('2035-03-01T09:00:00Z') },
        { organizationId, platform: 'mastodon', externalId: 'm2', content: 'Toot', mentionedAt: new Date('2035-03-03T09:00:00Z') },
        { organizationId: other, platform: 'bluesky', externalId: 'm3', content: 'Elsewhere', mentionedAt: new Date('2035-03-01T09:00:00Z') },
      ]);
      const [rival] = await tx
        .insert(competitors)
        .values({ organizationId, platform: 'bluesky', handle: 'rival.example' })
        .returning({ id: competitors.id });
      await tx.insert(competitorPosts).values({
        organizationId,
        competitorId: rival!.id,
        externalId: 'c1',
        text: 'Rival rolls',
        publishedAt: new Date('2035-03-02T08:00:00Z'),
      });
    });
  });

  afterAll(async () => {
    await handle?.close();
  });

  const load = (platforms?: ('bluesky' | 'mastodon')[]) =>
    withTenant(handle.db, organizationId, (tx) =>
      loadTrendTexts(tx, organizationId, {
        since: new Date('2035-03-01T00:00:00Z'),
        until: new Date('2035-03-08T00:00:00Z'),
        platforms,
      }),
    );

  it('reads the posts, mentions and competitors’ posts of the span, oldest first', async () => {
    expect((await load()).map((t) => [t.source, t.text, t.at.toISOString()])).toEqual([
      ['mentions', 'Love the bread', '2035-03-01T09:00:00.000Z'],
      ['competitorPosts', 'Rival rolls', '2035-03-02T08:00:00.000Z'],
      ['ownPosts', 'Our #bread', '2035-03-02T10:00:00.000Z'],
      ['mentions', 'Toot', '2035-03-03T09:00:00.000Z'],
    ]);
  });

  it('filters every source by network', async () => {
    expect((await load(['bluesky'])).map((t) => t.text)).toEqual(['Love the bread', 'Rival rolls']);
  });
});
