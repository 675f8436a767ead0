import type postgres from 'postgres';

/**
 * `posts` published posts spread evenly over [start, end), each with `snapshotsPerPost` metric
 * snapshots a day apart, written by generate_series as the database owner (the API would take
 * longer than the export it feeds). Texts vary in length, some figures are null with a reason.
 */
export async function seedExportRows(
  sql: postgres.Sql,
  options: {
    organizationId: string;
    accountId: string;
    posts: number;
    start: Date;
    end: Date;
    snapshotsPerPost: number;
  },
): Promise<number> {
  const started = performance.now();
  const { organizationId, accountId, posts, start, end, snapshotsPerPost } = options;
  const stepSeconds = (end.getTime() - start.getTime()) / 1000 / posts;
  await sql.begin(async (tx) => {
    await tx`
      with source as (
        select g, gen_random_uuid() as post_id,
               ${start}::timestamptz + ((g - 1) * ${stepSeconds}::float8) * interval '1 second' as at
          from generate_series(1, ${posts}::int) g
      ), inserted as (
        insert into posts (id, organization_id, content, status, published_at)
        select post_id, ${organizationId}, 'Export bench post ' || g || ': ' || repeat('fresh bread, ', 1 + g % 12),
               'published', at
          from source
      )
      insert into post_platforms (post_id, organization_id, social_account_id, status, platform_post_id,
                                  platform_post_url, published_at)
      select post_id, ${organizationId}, ${accountId}, 'published', 'export-' || g, 'https://example.test/p/' || g, at
        from source`;
    await tx`
      insert into analytics (organization_id, post_id, post_platform_id, social_account_id, likes_count,
                             comments_count, shares_count, impressions_count, reach_count, unavailable, source,
                             recorded_at)
      select pp.organization_id, pp.post_id, pp.id, pp.social_account_id, 10 + d, 2 + d, 1, 100 + 10 * d, null,
             '{"reach":"Bench network gives no reach."}'::jsonb, 'bench api',
             pp.published_at + interval '1 hour' + d * interval '1 day'
        from post_platforms pp cross join generate_series(0, ${snapshotsPerPost}::int - 1) d
       where pp.social_account_id = ${accountId}`;
  });
  await sql`analyze posts, post_platforms, analytics`;
  return performance.now() - started;
}
