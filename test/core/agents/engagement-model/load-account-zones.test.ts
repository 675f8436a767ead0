import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccountZones } from '../../../../functions/core/agents/engagement-model';
import type { DatabaseHandle } from '../../../../functions/db/client';
import { organizations, postPlatforms, posts } from '../../../../functions/db/schema';
import { withSystem, withTenant } from '../../../../functions/db/tenant';
import { analyticsFixtures } from '../../../http/analytics/support';
import { createTestOrganization, getTestDatabase } from '../../../support/db';

describe('loadAccountZones', () => {
  let handle: DatabaseHandle;
  let organizationId: string;
  let paris: string;
  let tokyo: string;
  let silent: string;

  /** A published post on `account` scheduled in `postZone`, its target in `targetZone`. */
  async function publishedIn(
    account: string,
    postZone: string,
    targetZone: string | null,
    status: 'published' | 'failed' = 'published',
  ) {
    await withSystem(handle.db, async (tx) => {
      const [post] = await tx
        .insert(posts)
        .values({ organizationId, content: 'x', status: 'published', timezone: postZone })
        .returning();
      await tx.insert(postPlatforms).values({
        organizationId,
        postId: post!.id,
        socialAccountId: account,
        status,
        timezone: targetZone,
        publishedAt: new Date('2027-01-05T10:00:00Z'),
      });
    });
  }

  beforeAll(async () => {
    handle = await getTestDatabase();
    organizationId = (await createTestOrganization(handle.db)).organizationId;
    await withSystem(handle.db, (tx) =>
      tx
        .update(organizations)
        .set({ timezone: 'America/Chicago' })
        .where(eq(organizations.id, organizationId)),
    );
    const { account } = analyticsFixtures(handle.db);
    paris = await account(organizationId, 'sandbox', 'Paris');
    tokyo = await account(organizationId, 'mastodon', 'Tokyo');
    silent = await account(organizationId, 'bluesky', 'No posts');
    // Paris: two posts scheduled in Paris, one in London: Paris wins.
    await publishedIn(paris, 'UTC', 'Europe/Paris');
    await publishedIn(paris, 'UTC', 'Europe/Paris');
    await publishedIn(paris, 'Europe/London', null);
    // Tokyo: the target has no zone of its own, the post's counts; an unknown zone is passed over.
    await publishedIn(tokyo, 'Asia/Tokyo', null);
    await publishedIn(tokyo, 'Mars/Olympus', null);
    await publishedIn(tokyo, 'Mars/Olympus', null);
    // A failed target does not count.
    await publishedIn(tokyo, 'Europe/Berlin', 'Europe/Berlin', 'failed');
  });

  afterAll(async () => {
    await handle?.close();
  });

  it("gives each account the zone it published in most, skipping unknown zones, and the organization's as the fallback", async () => {
    const lookup = await withTenant(handle.db, organizationId, (tx) => loadAccountZones(tx, organizationId));
    expect(lookup).toEqual({
      zones: { [paris]: 'Europe/Paris', [tokyo]: 'Asia/Tokyo' },
      fallback: 'America/Chicago',
    });
    expect(lookup.zones[silent]).toBeUndefined();
  });
});
