import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsFixtures } from '../http/analytics/support';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';

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

const DAY = 86_400_000;
/** A UTC instant `days` ago at `hour`:00 (the person's zone is UTC: they set none). */
const daysAgo = (days: number, hour: number) => {
  const at = new Date(Date.now() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
};
/** The chart's day label (MM-DD) of an instant, in UTC. */
const dayLabel = (at: Date) => at.toISOString().slice(5, 10);

/** The cells of a chart's table alternative, by row header. */
async function chartTable(page: Page, caption: string): Promise<Record<string, string[]>> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await table.waitFor({ state: 'attached' });
  const rows = await table
    .locator('tbody tr')
    // Runs in the page; typed here without the DOM library the tests compile against.
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(
          (tr as unknown as { children: ArrayLike<{ textContent: string | null }> }).children,
          (cell) => cell.textContent ?? '',
        ),
      ),
    );
  return Object.fromEntries(rows.map(([head, ...cells]) => [head!, cells]));
}

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
      { content: 'Rye week starts today' },
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
    await person.context.close();
  });
});

/** YYYY-MM-DD of `days` ago in UTC. */
function dayLabelYear(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
}
