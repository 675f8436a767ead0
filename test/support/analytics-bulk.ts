import { sql } from 'drizzle-orm';
import type { Database } from '../../functions/db/client';
import { withSystem } from '../../functions/db/tenant';

/**
 * Many published posts with metrics, made by the database itself (generate_series), for tests
 * and benches that need volume rather than hand-picked figures. Post `g` (1-based) is published
 * at `start + (g - 1) * spacingMinutes`, reads `Bulk post g`, and has `snapshotsPerPost`
 * snapshots a day apart (the first an hour after publishing) with likes = g + day and
 * impressions = 10 * g; comments/reach are null, with the network's reason, as on Mastodon.
 */
export async function seedPublishedBulk(
  db: Database,
  options: {
    organizationId: string;
    accountId: string;
    posts: number;
    start: Date;
    spacingMinutes: number;
    snapshotsPerPost: number;
  },
): Promise<void> {
  const { organizationId, accountId, posts, start, spacingMinutes, snapshotsPerPost } = options;
  await withSystem(db, async (tx) => {
    await tx.execute(sql`
      with made as (
        insert into posts (organization_id, content, status)
        select ${organizationId}::uuid, 'Bulk post ' || g, 'published' from generate_series(1, ${posts}::int) g
        returning id, content
      )
      insert into post_platforms (organization_id, post_id, social_account_id, status, platform_post_id, published_at)
      select ${organizationId}::uuid, made.id, ${accountId}::uuid, 'published', 'bulk-' || made.id,
        ${start.toISOString()}::timestamptz
          + ((substring(made.content from 11)::int - 1) * ${spacingMinutes}::int) * interval '1 minute'
      from made`);
    await tx.execute(sql`
      insert into analytics (organization_id, post_id, post_platform_id, social_account_id,
        likes_count, impressions_count, shares_count, unavailable, source, recorded_at)
      select pp.organization_id, pp.post_id, pp.id, pp.social_account_id,
        substring(p.content from 11)::int + d, 10 * substring(p.content from 11)::int, 0,
        '{"comments":"Bulk network gives no comment count.","reach":"Bulk network gives no reach."}'::jsonb,
        'bulk statuses.get', pp.published_at + interval '1 hour' + d * interval '1 day'
      from post_platforms pp
      join posts p on p.id = pp.post_id
      cross join generate_series(0, ${snapshotsPerPost}::int - 1) d
      where pp.social_account_id = ${accountId}::uuid`);
  });
}
