import type postgres from 'postgres';

/** The organization the issue sizes the analytics reads for. */
export const SCALE = { accounts: 100, posts: 20_000, days: 730 } as const;

/** What the seed wrote, for the notes. */
export interface ScaleSeed {
  accounts: number;
  posts: number;
  snapshots: number;
  accountDays: number;
  ms: number;
}

/**
 * Fills one organization (already registered, with one connected Sandbox account to copy) with
 * SCALE's accounts, published posts spread evenly over two years, and the metric snapshots a
 * sync would have kept after retention: hourly for the first 48 hours of posts of the last 90
 * days, then one per day until the 30-day sync window closes (functions/core/social-accounts/
 * sync-account.ts). Engagement follows an hour-of-day curve (peak 18:00 UTC) so the heatmap has
 * a shape. Written in SQL as the database owner (it bypasses row-level security): generating
 * 700,000 rows through the API would take longer than the measurement.
 */
export async function seedScale(sql: postgres.Sql, organizationId: string, accountId: string): Promise<ScaleSeed> {
  const started = performance.now();
  const start = new Date(Date.now() - SCALE.days * 86_400_000);
  const stepSeconds = (SCALE.days * 86_400) / SCALE.posts;
  await sql.begin(async (tx) => {
    await tx`
      insert into social_accounts (organization_id, user_id, platform, account_name, account_handle, account_id,
                                   access_token_enc, scopes, status)
      select organization_id, user_id, platform, 'Bench account ' || g, 'bench' || g, account_id || '-' || g,
             access_token_enc, scopes, 'active'
        from social_accounts, generate_series(2, ${SCALE.accounts}) g
       where id = ${accountId}`;
    await tx`
      with accounts as (
        select id, (row_number() over (order by id) - 1)::int as n
          from social_accounts where organization_id = ${organizationId}
      ), source as (
        select g, gen_random_uuid() as post_id,
               ${start}::timestamptz + ((g - 1) * ${stepSeconds}::float8) * interval '1 second' as at
          from generate_series(1, ${SCALE.posts}) g
      ), inserted as (
        insert into posts (id, organization_id, content, status, published_at, timezone)
        select post_id, ${organizationId},
               'Bench post ' || g || ': ' || (array['launch notes', 'behind the scenes', 'a customer story',
                 'weekly tips', 'a question for you'])[1 + g % 5] || ' #plume #topic' || (g % 20),
               'published', at, 'UTC'
          from source
      )
      insert into post_platforms (post_id, organization_id, social_account_id, status, platform_post_id,
                                  platform_post_url, published_at)
      select s.post_id, ${organizationId}, a.id, 'published', 'bench-' || s.g, 'https://example.test/p/' || s.g, s.at
        from source s join accounts a on a.n = s.g % ${SCALE.accounts}`;
    await tx`
      insert into analytics (organization_id, post_id, post_platform_id, social_account_id, likes_count,
                             comments_count, shares_count, clicks_count, impressions_count, reach_count,
                             saves_count, video_views_count, engagement_rate, unavailable, source,
                             recorded_at, date_bucket, hour_bucket)
      select pp.organization_id, pp.post_id, pp.id, pp.social_account_id,
             f.likes, f.likes / 10, f.likes / 20, f.likes / 8, f.likes * 40, f.likes * 28, f.likes / 25, null,
             round((f.likes + f.likes / 10 + f.likes / 20 + f.likes / 8 + f.likes / 25) * 100.0 / nullif(f.likes * 40, 0), 2),
             '{"videoViews": "Text posts have no video views"}'::jsonb, 'sandbox engagement model',
             s.at, (s.at at time zone 'UTC')::date, extract(hour from s.at at time zone 'UTC')::int
        from post_platforms pp
        cross join lateral (
          select pp.published_at + h * interval '1 hour' as at, h::float8 as hours
            from generate_series(1, 48) h where pp.published_at > now() - interval '90 days'
          union all
          select pp.published_at + d * interval '1 day', d * 24.0 from generate_series(3, 30) d
        ) s
        cross join lateral (
          select floor((30 + 70 * (0.5 + 0.5 * cos((extract(hour from pp.published_at at time zone 'UTC') - 18) / 12.0 * pi())))
                       * (1 + (hashtext(pp.id::text) & 7) / 8.0) * (1 - exp(-s.hours / 12)))::int as likes
        ) f
       where pp.organization_id = ${organizationId} and s.at < now()
       -- Newest first: the trigger then marks each target's first row written as its latest and
       -- leaves the older ones alone, instead of moving the mark 30 times per target.
       order by s.at desc`;
    await tx`
      insert into account_metrics (organization_id, social_account_id, date_bucket, followers_count,
                                   following_count, posts_count, unavailable, source, recorded_at)
      select a.organization_id, a.id, d::date, 1000 + n * 37 + (d::date - ${start}::date) * (1 + n % 5), 150,
             ((d::date - ${start}::date) * ${SCALE.posts / SCALE.accounts} / ${SCALE.days})::int,
             '{}'::jsonb, 'sandbox account model', d + interval '6 hours'
        from (select id, organization_id, (row_number() over (order by id))::int as n
                from social_accounts where organization_id = ${organizationId}) a
        cross join generate_series(${start}::timestamptz, now(), interval '1 day') d`;
  });
  // As autovacuum would have done on a live install, so the plans see settled tables.
  await sql`vacuum analyze social_accounts, posts, post_platforms, analytics, account_metrics`;
  const [counts] = await sql<{ snapshots: string; account_days: string }[]>`
    select (select count(*) from analytics where organization_id = ${organizationId}) as snapshots,
           (select count(*) from account_metrics where organization_id = ${organizationId}) as account_days`;
  return {
    accounts: SCALE.accounts,
    posts: SCALE.posts,
    snapshots: Number(counts?.snapshots ?? 0),
    accountDays: Number(counts?.account_days ?? 0),
    ms: performance.now() - started,
  };
}
