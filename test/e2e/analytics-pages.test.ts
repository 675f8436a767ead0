import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMetrics, audienceInsights, mentions } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { analyticsFixtures } from '../http/analytics/support';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';
import { chartTable } from './support/chart-table';
import { inviteViewer } from './support/invite';
import { DAY, daysAgo } from './support/days-ago';

/**
 * Every analytics page in a real browser, on metrics seeded as a sync stores them: the charts
 * must draw the seeded numbers (read from each chart's table alternative, which holds what the
 * SVG draws), the charts' code must load with these pages only, and nothing may overflow
 * sideways at phone size. Screenshots go to test/e2e/screenshots/analytics/ (git-ignored).
 */
let rig: BrowserRig;
const shots = join(screenshots, 'analytics');

beforeAll(async () => {
  rig = await startBrowserRig('analytics-pages');
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await rig?.stop();
});

/** The chart's day label (MM-DD) of an instant, in UTC. */
const dayLabel = (at: Date) => at.toISOString().slice(5, 10);

const PAGES = [
  { tab: 'Overview', path: '/analytics' },
  { tab: 'Posts', path: '/analytics/posts' },
  { tab: 'Growth', path: '/analytics/growth' },
  { tab: 'Audience', path: '/analytics/audience' },
  { tab: 'Competitors', path: '/analytics/competitors' },
  { tab: 'Trends', path: '/analytics/trends' },
  { tab: 'Reports', path: '/analytics/reports' },
];

describe('analytics pages', () => {
  it('draw the seeded numbers on every page, at desktop and phone sizes', { timeout: 180_000 }, async () => {
    const person = await signedInContext(rig, { organization: 'Loaf & Ledger' });
    const me = await person.api('GET', '/organizations');
    const organizationId = (me.body.organization as { id: string } | undefined)?.id ?? (me.body.id as string);
    const { account, published } = analyticsFixtures(rig.runtime.container.db);
    const sandbox = await account(organizationId, 'sandbox', 'Loaf sandbox');
    const mastodon = await account(organizationId, 'mastodon', 'Loaf on Mastodon');

    // Three syncs of one post: engagement 12, then 30, then 50 (running totals).
    const rye = daysAgo(3, 9);
    const sync = (hours: number) => new Date(rye.getTime() + hours * 3_600_000).toISOString();
    await published(
      organizationId,
      sandbox,
      'sandbox',
      rye.toISOString(),
      [
        {
          at: sync(2),
          figures: { impressions: 300, likes: 10, comments: 1, shares: 1, saves: 0, clicks: 0 },
        },
        {
          at: sync(8),
          figures: { impressions: 700, likes: 24, comments: 3, shares: 3, saves: 0, clicks: 0 },
        },
        {
          at: sync(30),
          figures: { impressions: 1000, likes: 40, comments: 5, shares: 5, saves: 0, clicks: 0 },
        },
      ],
      { content: 'Rye week starts today #RyeBread' },
    );
    // Mastodon gives no views: engagement 20, impressions null (a gap, never 0).
    const toot = daysAgo(2, 18);
    await published(
      organizationId,
      mastodon,
      'mastodon',
      toot.toISOString(),
      [
        {
          at: new Date(toot.getTime() + DAY / 2).toISOString(),
          figures: { likes: 10, comments: 2, shares: 8 },
        },
      ],
      { content: 'Sourdough starter giveaway' },
    );
    // The 28 days before: 40 days ago is day 16 of that period, drawn beside day 16 of this
    // one (12 days ago). Engagement 25, impressions 500.
    const old = daysAgo(40, 12);
    await published(
      organizationId,
      sandbox,
      'sandbox',
      old.toISOString(),
      [
        {
          at: daysAgo(39, 12).toISOString(),
          figures: { impressions: 500, likes: 20, comments: 5, shares: 0, saves: 0, clicks: 0 },
        },
      ],
      { content: 'Old news' },
    );
    const alignedWithOld = dayLabel(daysAgo(12, 12));

    // Trends: #ryebread in the rye post and a mention 3 days ago, a mention yesterday, and one
    // mention in the period before: 3 texts against 1, +200 %.
    const db = rig.runtime.container.db;
    const mention = (days: number, content: string) => ({
      organizationId,
      platform: 'bluesky' as const,
      externalId: `m-${days}`,
      content,
      mentionedAt: daysAgo(days, 15),
    });
    await withSystem(db, (tx) =>
      tx
        .insert(mentions)
        .values([
          mention(3, '@loaf your #ryebread is the best'),
          mention(1, 'Queueing for #RYEBREAD again'),
          mention(36, 'Loved the #ryebread teaser'),
        ]),
    );

    // Growth: the Sandbox account's daily readings (1,000 twenty days ago, 1,100 ten days ago,
    // 1,150 yesterday; 900 forty days ago, in the period before); Mastodon never synced.
    // Audience: its age and country make-up two days ago, no languages (with the reason).
    const reading = (days: number, followers: number) => ({
      organizationId,
      socialAccountId: sandbox,
      dateBucket: dayLabelYear(days),
      followersCount: followers,
      recordedAt: daysAgo(days, 12),
      source: 'Plume Sandbox (simulated network)',
    });
    await withSystem(db, async (tx) => {
      await tx
        .insert(accountMetrics)
        .values([reading(40, 900), reading(20, 1000), reading(10, 1100), reading(1, 1150)]);
      await tx.insert(audienceInsights).values({
        organizationId,
        socialAccountId: sandbox,
        analysisDate: dayLabelYear(2),
        demographics: { age: { '18-24': 0.25, '25-34': 0.75 }, country: { FR: 0.6, DE: 0.4 } },
        unavailable: { locale: 'The Sandbox audience model has no languages.' },
        source: 'Plume Sandbox (simulated audience)',
        createdAt: daysAgo(2, 6),
      });
    });

    // A Sandbox competitor: another organization's Sandbox account, tracked through the API
    // (its first read happens at once).
    const rival = await signedInContext(rig, { organization: 'Rival Bakery' });
    await connectSandbox(rival, 'rival.bakery');
    await rival.context.close();
    const tracked = await person.api('POST', '/analytics/competitors/accounts', {
      platform: 'sandbox',
      handle: 'rival.bakery',
    });
    expect(tracked.status, JSON.stringify(tracked.body)).toBe(201);

    const { page } = person;
    const problems = collectProblems(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    // Home first: the chart library is not loaded with the frame or the overview.
    await page.goto(rig.runtime.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page
      .getByRole('list', { name: 'Newest published posts' })
      .getByText('Sourdough starter giveaway')
      .waitFor();
    expect(scripts.filter((path) => /\/charts-/.test(path))).toEqual([]);

    // Overview: the trend charts draw each day's engagement and impressions, this period
    // and the one before, with gaps (no data) where nothing went out or no figure exists.
    await page.goto(`${rig.runtime.url}/analytics`);
    await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
    await page
      .getByRole('figure', { name: 'Engagement by the day posts went out' })
      .locator('svg')
      .first()
      .waitFor();
    expect(scripts.some((path) => /\/charts-/.test(path))).toBe(true);
    const engagement = await chartTable(page, 'Engagement by the day posts went out');
    expect(engagement[dayLabel(rye)]![0]).toBe('50');
    expect(engagement[dayLabel(toot)]![0]).toBe('20');
    expect(engagement[alignedWithOld]).toEqual(['no data', '25']);
    expect(Object.keys(engagement)).toHaveLength(28);
    const impressions = await chartTable(page, 'Impressions by the day posts went out');
    expect(impressions[dayLabel(rye)]![0]).toBe('1,000');
    expect(impressions[dayLabel(toot)]![0]).toBe('no data');
    expect(impressions[alignedWithOld]).toEqual(['no data', '500']);
    // The SVG drew a line for each period.
    await expect(
      page
        .getByRole('figure', { name: 'Engagement by the day posts went out' })
        .locator('.recharts-line')
        .count(),
    ).resolves.toBe(2);
    const weekday = rye.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    await page.getByText(`${weekday} 9:00: 1 posts, average engagement 50`).waitFor({ state: 'attached' });

    // Posts: text, sortable figures, a sparkline of engagement at each sync.
    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Posts' }).click();
    const table = page.getByRole('table', { name: 'Posts of the period with their latest metrics' });
    const rows = table.getByRole('row');
    await rows.nth(1).filter({ hasText: 'Rye week starts today' }).waitFor();
    await rows.nth(1).getByText('Engagement at each sync: 12, 30, 50').waitFor({ state: 'attached' });
    await expect(rows.nth(1).locator('[data-chart="sparkline"] svg path').count()).resolves.toBeGreaterThan(
      0,
    );
    await rows.nth(2).getByText('Engagement at each sync: 20').waitFor({ state: 'attached' });
    await table.getByRole('button', { name: 'Shares' }).click();
    await rows.nth(1).filter({ hasText: 'Sourdough starter giveaway' }).waitFor();
    await table.getByRole('button', { name: /Shares/ }).click();
    await expect(table.getByRole('columnheader', { name: /Shares/ }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    await rows.nth(1).filter({ hasText: 'Rye week starts today' }).waitFor();

    await checkGrowthAudienceTrends(page);
    await checkReports(page);

    // Competitors: the share-of-voice bars and table say what the API computed.
    await page
      .getByRole('navigation', { name: 'Analytics' })
      .getByRole('link', { name: 'Competitors' })
      .click();
    await page.getByRole('list', { name: 'Tracked competitors' }).getByText('rival.bakery').first().waitFor();
    const benchmark = await person.api(
      'GET',
      `/analytics/competitors?from=${dayLabelYear(27)}&to=${dayLabelYear(0)}&timeZone=UTC`,
    );
    expect(benchmark.status).toBe(200);
    const parties = benchmark.body.parties as Array<{
      kind: string;
      current: { shareOfEngagement: number | null };
    }>;
    const share = await chartTable(page, 'Share of engagement, percent');
    const ours = parties.find((party) => party.kind === 'organization')!.current.shareOfEngagement;
    expect(share['You']![0]).toBe(ours === null ? 'no data' : new Intl.NumberFormat('en-US').format(ours));
    expect(Object.keys(share)).toHaveLength(parties.length);

    // Every page at desktop and phone size: its tab, no sideways overflow, a screenshot.
    for (const viewport of [
      { name: 'desktop', width: 1280, height: 900 },
      { name: 'phone', width: 390, height: 844 },
    ]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const { tab, path } of PAGES) {
        await page.goto(`${rig.runtime.url}${path}`);
        await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
        await expect(
          page
            .getByRole('navigation', { name: 'Analytics' })
            .getByRole('link', { name: tab })
            .getAttribute('aria-current'),
        ).resolves.toBe('page');
        await page.waitForLoadState('networkidle');
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

    // A viewer reads and downloads reports but gets no control that writes.
    const viewer = await inviteViewer(rig, person);
    const viewerProblems = collectProblems(viewer.page);
    await viewer.page.goto(`${rig.runtime.url}/analytics/reports`);
    await viewer.page.getByRole('button', { name: 'Download Loaf monthly review as PDF' }).waitFor();
    await viewer.page.getByRole('list', { name: 'Report schedules' }).getByText('Loaf weekly').waitFor();
    await expect(viewer.page.getByRole('form', { name: 'Generate a report' }).count()).resolves.toBe(0);
    await expect(viewer.page.getByRole('form', { name: 'Schedule a report' }).count()).resolves.toBe(0);
    await expect(viewer.page.getByRole('button', { name: 'Stop Loaf weekly' }).count()).resolves.toBe(0);
    expect(viewerProblems).toEqual([]);
    await viewer.context.close();
    await person.context.close();
  });
});

/** Growth, audience and trends: each page's table alternatives hold the seeded figures. */
async function checkGrowthAudienceTrends(page: Page) {
  const tab = (name: string) =>
    page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name }).click();

  // Growth: a line per account and the total; a day without a reading is a gap, not 0.
  // (Columns: each account, in the API's order, then the total: compared without order.)
  await tab('Growth');
  const followers = await chartTable(page, 'Followers per day');
  const sorted = (cells: string[] | undefined) => [...(cells ?? [])].sort();
  expect(sorted(followers[dayLabel(daysAgo(20, 12))])).toEqual(['1,000', '1,000', 'no data']);
  expect(sorted(followers[dayLabel(daysAgo(1, 12))])).toEqual(['1,150', '1,150', 'no data']);
  expect(followers[dayLabel(daysAgo(15, 12))]).toEqual(['no data', 'no data', 'no data']);
  expect(Object.keys(followers)).toHaveLength(28);
  const growth = page.getByRole('table', { name: 'Followers per account in this period and the one before' });
  // 1,000 -> 1,150: +150, (1150 - 1000) / 1000 x 100 = 15 %; the period before 900 -> 900.
  const sandboxRow = growth.getByRole('row').filter({ hasText: 'Loaf sandbox' });
  await sandboxRow.waitFor();
  await expect(sandboxRow.getByRole('cell').allTextContents()).resolves.toEqual([
    '1,000',
    '1,150',
    '+150',
    '+15 %',
    '0 %',
  ]);
  await growth.getByRole('row').filter({ hasText: 'Loaf on Mastodon' }).getByText('Stale').waitFor();
  await page.getByText('Follower growth rate: (followers at the end').waitFor();

  // Audience: the bars' shares in percent; the missing dimension says why; rate by followers
  // 50 engagement / 1,150 followers x 100 = 4.35 %.
  await tab('Audience');
  const age = await chartTable(page, 'Loaf sandbox: followers by age, percent');
  expect(age).toEqual({ '25-34': ['75'], '18-24': ['25'] });
  const country = await chartTable(page, 'Loaf sandbox: followers by country, percent');
  // ISO codes as stored, named in the browser's language.
  expect(country).toEqual({ France: ['60'], Germany: ['40'] });
  await page.getByText('not available. The Sandbox audience model has no languages.').waitFor();
  const rate = await chartTable(page, 'Engagement rate by followers per account, percent');
  expect(rate['Loaf sandbox']).toEqual(['4.35']);
  expect(rate['Loaf on Mastodon']).toEqual(['no data']);

  // Trends: #ryebread rose from 1 text to 3 (+200 %); its small multiple counts per day, then per week.
  await tab('Trends');
  const rising = page.getByRole('table', { name: 'Rising terms and hashtags' });
  const ryeRow = rising.getByRole('row').filter({ hasText: '#ryebread' });
  await ryeRow.waitFor();
  await expect(ryeRow.getByRole('cell').allTextContents()).resolves.toEqual([
    '3',
    '1',
    '+200 %',
    'your posts 1 · mentions 2',
  ]);
  const perDay = await chartTable(page, 'Texts per day using the most used terms');
  const ryeDay = perDay['#ryebread']!;
  expect(ryeDay).toHaveLength(28);
  expect(ryeDay.at(-4)).toBe('2'); // 3 days ago: the post and a mention
  expect(ryeDay.at(-2)).toBe('1');
  expect(ryeDay.filter((count) => count !== '0')).toHaveLength(2);
  await page.getByRole('button', { name: 'By week' }).click();
  const perWeek = await chartTable(page, 'Texts per week using the most used terms');
  const weeks = perWeek['#ryebread']!.map(Number);
  expect(weeks.reduce((sum, count) => sum + count, 0)).toBe(3);
}

/** Reports: generate one through the page, let the local job render it, download it; schedule one. */
async function checkReports(page: Page) {
  await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Reports' }).click();
  const generate = page.getByRole('form', { name: 'Generate a report' });
  await generate.getByLabel('Name').fill('Loaf monthly review');
  await generate.getByRole('button', { name: 'Generate' }).click();
  const reports = page.getByRole('list', { name: 'Reports' });
  await reports.getByText('Loaf monthly review').waitFor();
  await rig.runtime.queue.drained();
  // The list asks again while the report is pending, and shows it ready with its files.
  const pdf = page.getByRole('button', { name: 'Download Loaf monthly review as PDF' });
  await pdf.waitFor({ timeout: 20_000 });
  await reports.getByText('Ready').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), pdf.click()]);
  expect(download.suggestedFilename()).toBe('Loaf monthly review.pdf');
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

  // A weekly schedule for the signed-in member (chosen by default among the organization's members).
  const schedule = page.getByRole('form', { name: 'Schedule a report' });
  await schedule.getByLabel('Name').fill('Loaf weekly');
  await schedule.getByRole('checkbox', { name: 'Ada Lovelace' }).waitFor();
  await expect(schedule.getByRole('checkbox', { name: 'Ada Lovelace' }).isChecked()).resolves.toBe(true);
  await schedule.getByRole('button', { name: 'Schedule' }).click();
  const schedules = page.getByRole('list', { name: 'Report schedules' });
  await schedules.getByText('Loaf weekly').waitFor();
  await schedules.getByText('To Ada Lovelace').waitFor();
}

/** YYYY-MM-DD of `days` ago in UTC. */
function dayLabelYear(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
}
