import { eq, sql } from 'drizzle-orm';
import { organizations, postPlatforms, posts } from '../../../db/schema';
import { rowsOf } from '../../../db/rows';
import type { Transaction } from '../../../db/tenant';
import type { ZoneLookup } from './account-history';

const isKnownZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Each account's audience zone, for the weekday and hour features: the zone its posts were
 * scheduled in most often (the target's own, else the post's: what the composer saved), since
 * that is the wall clock the team plans against; the organization's zone for accounts with
 * none. Ties go to the zone name first in order, so the answer is stable. Zones the runtime
 * does not know are passed over.
 */
export async function loadAccountZones(tx: Transaction, organizationId: string): Promise<ZoneLookup> {
  const counted = rowsOf<{ social_account_id: string; zone: string; posts: number | string }>(
    await tx.execute(sql`
      select ${postPlatforms.socialAccountId} as social_account_id,
        coalesce(${postPlatforms.timezone}, ${posts.timezone}) as zone, count(*) as posts
      from ${postPlatforms}
      join ${posts} on ${posts.id} = ${postPlatforms.postId}
      where ${postPlatforms.organizationId} = ${organizationId} and ${postPlatforms.status} = 'published'
      group by 1, 2
      order by 1, 3 desc, 2`),
  );
  const zones: Record<string, string> = {};
  for (const row of counted)
    if (!(row.social_account_id in zones) && isKnownZone(row.zone)) zones[row.social_account_id] = row.zone;
  const [organization] = await tx
    .select({ timezone: organizations.timezone })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const fallback = organization && isKnownZone(organization.timezone) ? organization.timezone : 'UTC';
  return { zones, fallback };
}
