import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDueCompetitorSyncs } from '../../functions/core/analytics/competitor-sync-tick';
import { seedSandboxHistory } from '../../functions/core/sandbox-history';
import { rowsOf } from '../../functions/db/rows';
import { withSystem } from '../../functions/db/tenant';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../functions/platforms/sandbox/history';
import {
  collectProblems,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';
import { chartColumns, chartTable } from './support/chart-table';

/**
 * Every analytics page in a real browser over a history written by the Sandbox history
 * generator (`seedSandboxHistory`, what `npm run seed:history` runs): two accounts, three
 * months, two competitors, mentions with a crisis, about a quarter of the posts with a picture.
 * Each chart must draw what the seeded rows give when counted here in SQL, straight from the
 * tables (the newest snapshot of each post, the last reading of each day, the sandbox posts),
 * not through the analytics code; the planted patterns (viral post, follower drop, audience
 * peak) must show where a page shows them; pictures must load as thumbnails; nothing may
 * overflow sideways on a phone. Screenshots: test/e2e/screenshots/analytics-sandbox/ (git-ignored).
 */
let rig: BrowserRig;
const shots = join(screenshots, 'analytics-sandbox');

beforeAll(async () => {
  rig = await startBrowserRig('analytics-sandbox');
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await rig?.stop();
});

/**
 * The seed. The history hangs on the seed, the handles (named by SLUG) and the day the test
 * runs. With this seed the main account's planted peak came out as its best heatmap hour over
 * the last 90 days on each of 730 days simulated with the planner and the engagement model
 * (April 2026 to March 2028, figures at the end of the history; a script outside the suite);
 * with five other seeds on 95-99 % of days: the peak lifts reach two- to threefold, but each
 * hour holds only about ten posts of a heavy-tailed virality. So the heatmap check below holds
 * on any day the test runs, not on one lucky draw.
 */
const SEED = 'fern-1';
const SLUG = 'fernhill';
/** The period most checks use: the whole history but its first days. */
const DAYS = 90;
const NUMBER = new Intl.NumberFormat('en-US');
/** Each page, and what it shows once its figures are in (a chart's table, a list). */
const PAGES: { tab: string; path: string; shown: (page: Page) => Locator }[] = [
  {
    tab: 'Overview',
    path: '/analytics',
    shown: (page) => page.locator('caption', { hasText: 'by the hour it went out' }),
  },
  {
    tab: 'Posts',
    path: '/analytics/posts',
    shown: (page) => page.getByRole('table', { name: 'Posts of the period' }),
  },
  {
    tab: 'Growth',
    path: '/analytics/growth',
    shown: (page) => page.getByRole('figure', { name: 'Followers per day' }),
  },
  {
    tab: 'Audience',
    path: '/analytics/audience',
    shown: (page) => page.locator('caption', { hasText: 'followers by age, percent' }).first(),
  },
  {
    tab: 'Competitors',
    path: '/analytics/competitors',
    shown: (page) => page.getByRole('table', { name: 'You and your competitors in this period' }),
  },
  {
    tab: 'Trends',
    path: '/analytics/trends',
    shown: (page) => page.getByRole('figure', { name: 'Texts per day using the most used terms' }),
  },
  {
    tab: 'Reports',
    path: '/analytics/reports',
    shown: (page) => page.getByRole('list', { name: 'Reports' }),
  },
];

interface Seeded {
  organizationId: string;
  truth: HistoryGroundTruth;
  zone: string;
  /** Rows of a query run as the system (row-level security aside). */
  query<T extends Record<string, unknown>>(statement: SQL): Promise<T[]>;
  /** The first instant of the viewer's period of `days` days ending today, in their zone. */
  since(days: number): SQL;
}

describe('analytics pages over a seeded Sandbox history', () => {
  it(
    'draw the seeded numbers and the planted patterns, with thumbnails, at desktop and phone sizes',
    { timeout: 120_000 },
    async () => {
      const started = performance.now();
      const person = await signedInContext(rig, { organization: 'Fernhill Bakery' });
      const organization = await person.api('GET', '/organizations');
      const organizationId =
        (organization.body.organization as { id: string } | undefined)?.id ??
        (organization.body.id as string);
      const profile = await person.api('GET', '/users/profile');
      const userId = profile.body.id as string;

      const { container } = rig.runtime;
      const { groundTruth: truth, seconds } = await seedSandboxHistory(
        { db: container.db, crypto: container.crypto, ids: container.ids, media: container.media },
        {
          ...HISTORY_DEFAULTS,
          organizationId,
          userId,
          brand: 'Fernhill',
          slug: SLUG,
          months: 3,
          accounts: 2,
          postsPerWeek: 5,
          competitors: 2,
          mentionsPerDay: 3,
          seed: SEED,
          now: container.clock.now(),
          publicUrl: rig.runtime.url,
          raisePlanLimit: true,
        },
      );
      expect(truth.counts.postsWithMedia).toBeGreaterThan(0);
      // The viewer reads in the main account's zone, so its planted (local) peak is a heatmap cell.
      const zone = truth.accounts[0]!.timeZone;
      const zoned = await person.api('PUT', '/users/profile', { timezone: zone });
      expect(zoned.status, JSON.stringify(zoned.body)).toBe(200);
      // The competitors' first read, as the sweep queues it (the test runtime runs no sweep).
      const read = await queueDueCompetitorSyncs(container, { respectMarker: false, organizationId });
      expect(read.queued).toBe(2);
      await rig.runtime.queue.drained();
      const seededAt = performance.now();

      const seeded: Seeded = {
        organizationId,
        truth,
        zone,
        query: async <T extends Record<string, unknown>>(statement: SQL) =>
          rowsOf<T>(await withSystem(container.db, (tx) => tx.execute(statement))),
        since: (days) =>
          sql`((((now() at time zone ${zone})::date - ${days - 1}::int)::timestamp) at time zone ${zone})`,
      };
      const { page } = person;
      const problems = collectProblems(page);

      await checkOverview(page, seeded);
      await checkPosts(page, seeded);
      await checkGrowth(page, seeded);
      await checkAudience(page, seeded);
      await checkCompetitors(page, seeded);
      await checkTrends(page, seeded);
      await checkReport(page, seeded);
      const checkedAt = performance.now();

      // Every page at desktop and phone size, reached through its tab: no sideways overflow, a
      // screenshot once its figures are in.
      for (const viewport of [
        { name: 'desktop', width: 1280, height: 900 },
        { name: 'phone', width: 390, height: 844 },
      ]) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await open(page, '/analytics');
        for (const { tab, path, shown } of PAGES) {
          await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: tab }).click();
          await page.waitForURL(`**${path}?days=${DAYS}`);
          // The address changes first; the tab is marked current on the render after it.
          await expect
            .poll(
              () =>
                page
                  .getByRole('navigation', { name: 'Analytics' })
                  .getByRole('link', { name: tab })
                  .getAttribute('aria-current'),
              { timeout: 10_000 },
            )
            .toBe('page');
          await shown(page).waitFor({ state: 'attached' });
          await expect
            .poll(() => page.locator('[role="status"][aria-label^="Loading"]').count(), { timeout: 10_000 })
            .toBe(0);
          await expect(
            page.evaluate<number>('document.documentElement.scrollWidth'),
            `${path} ${viewport.name}`,
          ).resolves.toBeLessThanOrEqual(viewport.width);
          await page.screenshot({
            path: join(shots, `${tab.toLowerCase()}-${viewport.name}.png`),
            fullPage: true,
            animations: 'disabled',
          });
        }
      }
      expect(problems).toEqual([]);
      await person.context.close();
      const elapsed = (at: number, from: number) => ((at - from) / 1000).toFixed(1);
      console.info(
        `analytics-sandbox: seeded ${truth.counts.posts} posts (${truth.counts.postsWithMedia} pictured) in ${seconds.toFixed(1)} s; ` +
          `sign-up and seed ${elapsed(seededAt, started)} s, checks ${elapsed(checkedAt, seededAt)} s, ` +
          `14 screenshots ${elapsed(performance.now(), checkedAt)} s`,
      );
    },
  );
});

/** Opens an analytics page for the last `days` days and waits for its heading. */
async function open(page: Page, path: string, days = DAYS) {
  await page.goto(`${rig.runtime.url}${path}?days=${days}`);
  await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
}

/**
 * Each published target of the period with its newest snapshot's engagement (null before its
 * first snapshot), read with plain SQL rather than the analytics code.
 */
function targetsSql(s: Seeded, days: number): SQL {
  return sql`
    with newest as (
      select distinct on (post_platform_id) post_platform_id,
        coalesce(likes_count, 0) + coalesce(comments_count, 0) + coalesce(shares_count, 0)
          + coalesce(saves_count, 0) + coalesce(clicks_count, 0) as engagement
      from analytics where organization_id = ${s.organizationId}
      order by post_platform_id, recorded_at desc
    )
    select pp.id, pp.post_id, pp.social_account_id, pp.platform_post_id, pp.published_at,
      p.content, p.media_ids ->> 0 as media_id, newest.engagement::int as engagement,
      extract(isodow from pp.published_at at time zone ${s.zone})::int as weekday,
      extract(hour from pp.published_at at time zone ${s.zone})::int as hour
    from post_platforms pp
    join posts p on p.id = pp.post_id
    left join newest on newest.post_platform_id = pp.id
    where pp.organization_id = ${s.organizationId} and pp.status = 'published'
      and pp.published_at >= ${s.since(days)}`;
}

interface Target extends Record<string, unknown> {
  id: string;
  post_id: string;
  social_account_id: string;
  platform_post_id: string;
  published_at: string | Date;
  content: string;
  media_id: string | null;
  engagement: number | null;
  weekday: number;
  hour: number;
}

/** The posts table's order: engagement, highest first and missing last, then newest, then by id. */
function byEngagement(targets: Target[]): Target[] {
  return [...targets].sort(
    (a, b) =>
      (b.engagement ?? -1) - (a.engagement ?? -1) ||
      new Date(b.published_at).getTime() - new Date(a.published_at).getTime() ||
      (a.id < b.id ? -1 : 1),
  );
}

/**
 * Overview: the heatmap's every cell (posts, average engagement) against the seeded snapshots,
 * and the main account's planted audience peak as its best hour there.
 */
async function checkOverview(page: Page, s: Seeded) {
  await open(page, '/analytics');
  const heatmap = page.locator('table', {
    has: page.locator('caption', { hasText: 'Average engagement per post by the hour it went out' }),
  });
  await heatmap.waitFor();
  const drawn = new Map<string, { posts: number; average: number | null }>();
  for (const text of await heatmap.locator('td .sr-only').allTextContents()) {
    const [, day, hour, posts, average] =
      /^(\w+) (\d+):00: (\d+) posts(?:, average engagement ([\d.]+))?$/.exec(text) ?? [];
    expect(day, text).toBeDefined();
    const weekday =
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].indexOf(day!) + 1;
    if (Number(posts) > 0)
      drawn.set(`${weekday}:${hour}`, { posts: Number(posts), average: average ? Number(average) : null });
  }
  const targets = await s.query<Target>(targetsSql(s, DAYS));
  const cells = new Map<string, Target[]>();
  for (const t of targets)
    cells.set(`${t.weekday}:${t.hour}`, [...(cells.get(`${t.weekday}:${t.hour}`) ?? []), t]);
  const expected = new Map(
    [...cells].map(([key, list]) => {
      const measured = list.flatMap((t) => (t.engagement === null ? [] : [t.engagement]));
      const sum = measured.reduce((total, n) => total + n, 0);
      return [
        key,
        {
          posts: list.length,
          average: measured.length > 0 ? Math.round((sum / measured.length) * 100) / 100 : null,
        },
      ];
    }),
  );
  expect(drawn).toEqual(expected);

  // The planted peak (local weekday 0 = Sunday; the heatmap's 7) leads the main account's hours:
  // among the cells holding only its posts, leaving out the one holding the viral post.
  const main = s.truth.accounts[0]!;
  const peak = `${main.peak.weekday === 0 ? 7 : main.peak.weekday}:${main.peak.hour}`;
  const ranked = [...cells]
    .filter(([key, list]) => {
      const onlyMain = list.every((t) => t.social_account_id === main.socialAccountId);
      const viral = list.some((t) => t.platform_post_id === s.truth.viralPost?.platformPostId);
      return onlyMain && (!viral || key === peak);
    })
    .map(([key]) => [key, drawn.get(key)!.average!] as const)
    .sort((a, b) => b[1] - a[1]);
  expect(ranked.length).toBeGreaterThanOrEqual(4);
  expect(ranked[0]![0], JSON.stringify(ranked)).toBe(peak);
}

/**
 * Posts: the first page sorted by engagement is the seeded targets in that order, the planted
 * viral post first; each row with a picture shows it, loaded, and the others none.
 */
async function checkPosts(page: Page, s: Seeded) {
  await open(page, '/analytics/posts');
  const table = page.getByRole('table', { name: 'Posts of the period with their latest metrics' });
  const rows = table.locator('tbody tr');
  await rows.first().waitFor();
  const firstPage = byEngagement(await s.query<Target>(targetsSql(s, DAYS))).slice(0, 20);
  expect(firstPage[0]!.platform_post_id).toBe(s.truth.viralPost!.platformPostId);
  await expect(rows.count()).resolves.toBe(firstPage.length);
  const links = await rows
    .locator('td:first-child a')
    .evaluateAll((as) =>
      as.map((a) => (a as unknown as { getAttribute(name: string): string | null }).getAttribute('href')),
    );
  expect(links).toEqual(firstPage.map((t) => `/posts/${t.post_id}`));
  await expect(rows.first().locator('td').nth(3).textContent()).resolves.toBe(
    NUMBER.format(firstPage[0]!.engagement!),
  );

  const pictured = firstPage.flatMap((t, index) => (t.media_id ? [index] : []));
  expect(pictured.length).toBeGreaterThan(0);
  for (const [index, target] of firstPage.entries()) {
    const image = rows.nth(index).locator('td:first-child img');
    await expect(image.count(), `row ${index + 1}`).resolves.toBe(target.media_id ? 1 : 0);
    if (!target.media_id) continue;
    // Lazy: scrolled into view, it loads the stored card (96 px a side).
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          image.evaluate((img) => {
            const loaded = img as unknown as { complete: boolean; naturalWidth: number };
            return loaded.complete ? loaded.naturalWidth : -1;
          }),
        { timeout: 10_000 },
      )
      .toBe(96);
  }
}

/**
 * Growth: the main account's followers each day are the last seeded reading of that day, and
 * the dropped account's line falls by the planted factor the day its first reading after the
 * drop lands on, the only fall of its kind.
 */
async function checkGrowth(page: Page, s: Seeded) {
  await open(page, '/analytics/growth');
  const caption = 'Followers per day';
  const [columns, table] = [await chartColumns(page, caption), await chartTable(page, caption)];
  const names = await s.query<{ id: string; account_name: string }>(
    sql`select id, account_name from social_accounts where organization_id = ${s.organizationId}`,
  );
  const columnOf = (accountId: string) => {
    const name = names.find((n) => n.id === accountId)!.account_name;
    const index = columns.findIndex((column) => column === name || column.startsWith(`${name} (`));
    expect(index, `${name} in ${columns.join(', ')}`).toBeGreaterThanOrEqual(0);
    return index;
  };
  const lastReadings = (accountId: string) =>
    s.query<{ day: string; followers: number }>(sql`
      select distinct on (day) to_char(recorded_at at time zone ${s.zone}, 'MM-DD') as day, followers_count as followers
      from account_metrics
      where social_account_id = ${accountId} and recorded_at >= ${s.since(DAYS)}
      order by day, recorded_at desc`);
  const labels = Object.keys(table);
  expect(labels).toHaveLength(DAYS);

  const main = s.truth.accounts[0]!;
  const mainColumn = columnOf(main.socialAccountId);
  const readings = new Map((await lastReadings(main.socialAccountId)).map((r) => [r.day, r.followers]));
  expect(readings.size).toBeGreaterThanOrEqual(DAYS - 1);
  expect(labels.map((label) => table[label]![mainColumn])).toEqual(
    labels.map((label) => (readings.has(label) ? NUMBER.format(readings.get(label)!) : 'no data')),
  );

  const drop = s.truth.drop!;
  const [firstAfter] = await s.query<{ day: string }>(sql`
    select to_char(recorded_at at time zone ${s.zone}, 'MM-DD') as day from account_metrics
    where social_account_id = ${drop.socialAccountId} and recorded_at >= ${drop.at}
    order by recorded_at limit 1`);
  const droppedColumn = columnOf(drop.socialAccountId);
  const series = labels.map((label) => Number(table[label]![droppedColumn]!.replace(/,/g, '')));
  const falls = series.flatMap((value, i) =>
    i > 0 && value / series[i - 1]! < 0.8 ? [{ label: labels[i], ratio: value / series[i - 1]! }] : [],
  );
  expect(falls).toHaveLength(1);
  expect(falls[0]!.label).toBe(firstAfter!.day);
  expect(falls[0]!.ratio).toBeCloseTo(drop.factor, 1);
}

/** Audience: the main account's age bars are its latest seeded audience reading of the period, in percent. */
async function checkAudience(page: Page, s: Seeded) {
  await open(page, '/analytics/audience');
  const main = s.truth.accounts[0]!;
  const [latest] = await s.query<{ account_name: string; demographics: { age: Record<string, number> } }>(sql`
    select a.account_name, i.demographics from audience_insights i
    join social_accounts a on a.id = i.social_account_id
    where i.social_account_id = ${main.socialAccountId}
      and i.analysis_date >= (now() at time zone ${s.zone})::date - ${DAYS - 1}::int
    order by i.analysis_date desc limit 1`);
  const drawn = await chartTable(page, `${latest!.account_name}: followers by age, percent`);
  const expected = Object.entries(latest!.demographics.age)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 8)
    .map(([group, share]) => [group, [NUMBER.format(Math.round(share * 1000) / 10)]]);
  expect(drawn).toEqual(Object.fromEntries(expected));
}

/** Competitors (last 28 days): each one's post count is its sandbox posts of the period, and yours your targets'. */
async function checkCompetitors(page: Page, s: Seeded) {
  await open(page, '/analytics/competitors', 28);
  const table = page.getByRole('table', { name: 'You and your competitors in this period' });
  await table.locator('tbody tr').first().waitFor();
  const counts = await s.query<{ name: string; posts: number }>(sql`
    select c.name, count(sp.id)::int as posts from competitors c
    left join sandbox_posts sp on sp.handle = c.handle and sp.published_at >= ${s.since(28)}
    where c.organization_id = ${s.organizationId} group by c.name
    union all
    select 'You', count(*)::int from post_platforms
    where organization_id = ${s.organizationId} and status = 'published' and published_at >= ${s.since(28)}`);
  expect(counts).toHaveLength(3);
  for (const { name, posts } of counts) {
    expect(posts, name).toBeGreaterThan(0);
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name }) });
    await expect(row.locator('td').first().textContent(), name).resolves.toBe(String(posts));
  }
}

/**
 * Trends (last 28 days): every hashtag drawn counts the texts of the period that use it (your
 * posts, your mentions, your competitors' sandbox posts), and the most used one is the first
 * hashtag drawn, or twelve terms used as often left it out.
 */
async function checkTrends(page: Page, s: Seeded) {
  await open(page, '/analytics/trends', 28);
  const drawn = await chartTable(page, 'Texts per day using the most used terms');
  const texts = await s.query<{ text: string }>(sql`
    select p.content as text from post_platforms pp join posts p on p.id = pp.post_id
    where pp.organization_id = ${s.organizationId} and pp.status = 'published' and pp.published_at >= ${s.since(28)}
    union all
    select content from mentions where organization_id = ${s.organizationId} and mentioned_at >= ${s.since(28)}
    union all
    select sp.text from sandbox_posts sp join competitors c on c.handle = sp.handle
    where c.organization_id = ${s.organizationId} and sp.published_at >= ${s.since(28)}`);
  const uses = new Map<string, number>();
  for (const { text } of texts) {
    const tags = new Set(
      [...text.matchAll(/(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu)].map(
        (m) => `#${m[1]!.toLowerCase()}`,
      ),
    );
    for (const tag of tags) uses.set(tag, (uses.get(tag) ?? 0) + 1);
  }
  const [top, topUses] = [...uses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  const totals = Object.entries(drawn).map(
    ([term, counts]) => [term, counts.reduce((sum, n) => sum + Number(n), 0)] as const,
  );
  for (const [term, total] of totals) if (term.startsWith('#')) expect(total, term).toBe(uses.get(term));
  if (drawn[top]) {
    // Drawn: the first hashtag of the terms, which run from the most used.
    expect(totals.find(([term]) => term.startsWith('#'))![0]).toBe(top);
  } else {
    // Not drawn: twelve words were each used at least as often.
    expect(totals).toHaveLength(12);
    for (const [term, total] of totals) expect(total, term).toBeGreaterThanOrEqual(topUses);
  }
}

/**
 * Reports: a report of the period made through the page, rendered by the local job; its PDF
 * draws the thumbnail of each of its five top posts that has a picture.
 */
async function checkReport(page: Page, s: Seeded) {
  await open(page, '/analytics/reports');
  const generate = page.getByRole('form', { name: 'Generate a report' });
  await generate.getByLabel('Name').fill('Fernhill quarter');
  await generate.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('list', { name: 'Reports' }).getByText('Fernhill quarter').waitFor();
  await rig.runtime.queue.drained();
  const pdf = page.getByRole('button', { name: 'Download Fernhill quarter as PDF' });
  await pdf.waitFor({ timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
  const bytes = readFileSync(await download.path()).toString('latin1');
  expect(bytes.slice(0, 5)).toBe('%PDF-');
  const top = byEngagement(await s.query<Target>(targetsSql(s, DAYS))).slice(0, 5);
  expect(bytes.match(/\/Subtype \/Image/g)?.length ?? 0).toBe(top.filter((t) => t.media_id).length);
}
