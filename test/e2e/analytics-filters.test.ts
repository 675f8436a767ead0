import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import { analyticsFixtures } from '../http/analytics/support';
import {
  collectProblems,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';
import { DAY, daysAgo } from './support/days-ago';

/**
 * The analytics filters in a real browser, on metrics seeded as a sync stores them: three
 * accounts on two networks with different figures. Each filter (network, account, custom days)
 * must change the headline figures, their sparklines and the charts' table alternatives to
 * exactly the filtered sums; the address must hold the filters across tabs; clearing must bring
 * the totals back; reports get the filters and page; nothing overflows sideways at 390 px.
 * Screenshots go to test/e2e/screenshots/analytics-filters/ (git-ignored).
 */
let rig: BrowserRig;
const shots = join(screenshots, 'analytics-filters');

beforeAll(async () => {
  rig = await startBrowserRig('analytics-filters');
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await rig?.stop();
});

/** YYYY-MM-DD of `days` ago in UTC. */
const dateAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
/** The trend chart's day label (MM-DD). */
const dayLabel = (days: number) => dateAgo(days).slice(5);

/** The KPI card under `label` (its first <dd> is the figure as shown). */
const kpiCard = (page: Page, label: string): Locator =>
  page
    .getByRole('region', { name: 'Headline figures' })
    .locator('dl > div')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

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

/** Waits until the headline figures read `expected` (a query refetches after each change). */
async function expectKpis(page: Page, expected: Record<string, string | RegExp>) {
  for (const [label, value] of Object.entries(expected)) {
    const figure = kpiCard(page, label).locator('dd').first();
    const shown = expect.poll(() => figure.textContent(), { message: label, timeout: 10_000 });
    if (typeof value === 'string') await shown.toBe(value);
    else await shown.toMatch(value);
  }
}

/** The engagement card's sparkline values, one per day ('' where a day has none). */
const engagementLine = (page: Page) =>
  kpiCard(page, 'Engagement').locator('[data-chart="sparkline"]').getAttribute('data-values');

/** `length` days ending `lastDaysAgo` days ago, with `values` (by days ago) and gaps elsewhere. */
function expectedLine(length: number, lastDaysAgo: number, values: Record<number, number>): string {
  return Array.from({ length }, (_, index) => values[length - 1 - index + lastDaysAgo] ?? '').join(',');
}

const search = (page: Page) => new URL(page.url()).searchParams;

describe('analytics filters', () => {
  it(
    'narrow every page to networks, accounts and custom days, kept in the address',
    { timeout: 180_000 },
    async () => {
      const person = await signedInContext(rig, { organization: 'Crumb & Co' });
      const me = await person.api('GET', '/organizations');
      const organizationId =
        (me.body.organization as { id: string } | undefined)?.id ?? (me.body.id as string);
      const { account, published } = analyticsFixtures(rig.runtime.container.db);
      const loaf = await account(organizationId, 'sandbox', 'Loaf sandbox');
      const crumb = await account(organizationId, 'sandbox', 'Crumb sandbox');
      const toots = await account(organizationId, 'mastodon', 'Loaf on Mastodon');
      const post = (
        accountId: string,
        platform: 'sandbox' | 'mastodon',
        days: number,
        figures: Record<string, number>,
        content: string,
      ) =>
        published(
          organizationId,
          accountId,
          platform,
          daysAgo(days, 10).toISOString(),
          [{ at: daysAgo(days, 20).toISOString(), figures }],
          { content },
        );
      const sandboxFigures = (impressions: number, likes: number, comments: number, shares: number) => ({
        impressions,
        likes,
        comments,
        shares,
        saves: 0,
        clicks: 0,
      });
      // Last 28 days: Loaf 50 (3 days ago) + 10 (10 days ago), Crumb 4 (5 days ago), Mastodon 20
      // (2 days ago, no views). Totals: 4 posts, engagement 84, impressions 1,600, likes 61.
      await post(loaf, 'sandbox', 3, sandboxFigures(1000, 40, 5, 5), 'Rye week starts today');
      await post(loaf, 'sandbox', 10, sandboxFigures(400, 8, 1, 1), 'Seeded loaf');
      await post(crumb, 'sandbox', 5, sandboxFigures(200, 3, 1, 0), 'Crumb shots');
      await post(toots, 'mastodon', 2, { likes: 10, comments: 2, shares: 8 }, 'Sourdough starter giveaway');
      // Outside the presets' 28 days, inside the custom range: Loaf 30 (60 days ago).
      await post(loaf, 'sandbox', 60, sandboxFigures(600, 30, 0, 0), 'Old news');

      const { page } = person;
      const problems = collectProblems(page);
      await page.goto(`${rig.runtime.url}/analytics`);
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();

      // Everything: the totals, and the engagement sparkline of the 28 days.
      await expectKpis(page, { 'Posts published': '4', Engagement: '84', Impressions: '1,600', Likes: '61' });
      await expect(engagementLine(page)).resolves.toBe(expectedLine(28, 0, { 3: 50, 10: 10, 5: 4, 2: 20 }));
      await kpiCard(page, 'Engagement')
        .getByText(`Engagement by day, ${dateAgo(27)} to ${dateAgo(0)}: `)
        .waitFor({ state: 'attached' });
      // Likes has no daily series in the overview: no line.
      await expect(kpiCard(page, 'Likes').locator('[data-chart="sparkline"]').count()).resolves.toBe(0);

      // The filters fold away; opened from the keyboard, a network ticked with Space.
      const filters = page
        .locator('details')
        .filter({ has: page.locator('summary', { hasText: 'Filters' }) });
      await expect(filters.locator('summary').textContent()).resolves.toBe(
        'Filters · all accounts and networks',
      );
      await filters.locator('summary').focus();
      await page.keyboard.press('Enter');
      const networks = page.getByRole('group', { name: 'Networks' });
      const accounts = page.getByRole('group', { name: 'Accounts' });
      await networks.getByRole('checkbox', { name: 'Mastodon' }).focus();
      await page.keyboard.press('Space');
      await expect.poll(() => search(page).get('networks')).toBe('mastodon');

      // Mastodon only: one post, engagement 20, no views at all (a dash, never 0).
      await expectKpis(page, { 'Posts published': '1', Engagement: '20', Impressions: /^—Not available/ });
      let engagement = await chartTable(page, 'Engagement by the day posts went out');
      expect(engagement[dayLabel(2)]![0]).toBe('20');
      expect(engagement[dayLabel(3)]![0]).toBe('no data');

      // Sandbox instead, then only the Loaf account of it (accounts named with their network).
      await networks.getByRole('checkbox', { name: 'Mastodon' }).uncheck();
      await networks.getByRole('checkbox', { name: 'Sandbox' }).check();
      await expectKpis(page, { 'Posts published': '3', Engagement: '64', Impressions: '1,600' });
      await expect(accounts.locator('label').allTextContents()).resolves.toEqual([
        'Loaf sandbox (Sandbox)',
        'Crumb sandbox (Sandbox)',
        'Loaf on Mastodon (Mastodon)',
      ]);
      await accounts.getByRole('checkbox', { name: 'Loaf sandbox (Sandbox)' }).check();
      await expectKpis(page, { 'Posts published': '2', Engagement: '60', Impressions: '1,400' });
      expect(search(page).get('accounts')).toBe(loaf);
      expect(search(page).get('networks')).toBe('sandbox');
      engagement = await chartTable(page, 'Engagement by the day posts went out');
      expect(engagement[dayLabel(3)]![0]).toBe('50');
      expect(engagement[dayLabel(10)]![0]).toBe('10');
      expect(engagement[dayLabel(5)]![0]).toBe('no data');
      expect(engagement[dayLabel(2)]![0]).toBe('no data');

      // Custom days: refused when backwards or longer than the API allows, then 65 to 4 days ago.
      const range = page.getByRole('form', { name: 'Custom period' });
      await range.getByLabel('First day').fill(dateAgo(4));
      await range.getByLabel('Last day').fill(dateAgo(65));
      await range.getByRole('button', { name: 'Show these days' }).click();
      await range.getByRole('alert').getByText('The first day must not be after the last.').waitFor();
      await range.getByLabel('First day').fill(dateAgo(800));
      await range.getByLabel('Last day').fill(dateAgo(0));
      await range.getByRole('button', { name: 'Show these days' }).click();
      await range.getByRole('alert').getByText('Choose at most 731 days').waitFor();
      await expect(range.getByLabel('First day').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(search(page).get('from')).toBeNull();
      await range.getByLabel('First day').fill(dateAgo(65));
      await range.getByLabel('Last day').fill(dateAgo(4));
      await range.getByRole('button', { name: 'Show these days' }).click();
      await expect.poll(() => search(page).get('from')).toBe(dateAgo(65));
      expect(search(page).get('to')).toBe(dateAgo(4));
      // Loaf on Sandbox, 65 to 4 days ago: 60 days ago (30, 600 views) and 10 days ago (10, 400).
      await expectKpis(page, { 'Posts published': '2', Engagement: '40', Impressions: '1,000' });
      await expect(engagementLine(page)).resolves.toBe(expectedLine(62, 4, { 60: 30, 10: 10 }));
      // Two days apart from any other: each drawn as a dot (no segment joins them).
      await expect(
        kpiCard(page, 'Engagement').locator('[data-chart="sparkline"] svg circle').count(),
      ).resolves.toBe(2);
      engagement = await chartTable(page, 'Engagement by the day posts went out');
      expect(Object.keys(engagement)).toHaveLength(62);
      expect(engagement[dayLabel(60)]![0]).toBe('30');
      // No preset is pressed while custom days are shown; the line above the filters says which.
      const period = page.getByRole('group', { name: 'Period' });
      for (const preset of [7, 28, 90]) {
        await expect(
          period.getByRole('button', { name: `Last ${preset} days` }).getAttribute('aria-pressed'),
        ).resolves.toBe('false');
      }
      await period.getByText(`${dateAgo(65)} to ${dateAgo(4)}, UTC`).waitFor();
      await expect(filters.locator('summary').textContent()).resolves.toBe(
        'Filters · 1 network, 1 account, custom days',
      );
      const filtered = search(page).toString();
      await page.screenshot({
        path: join(shots, 'overview-desktop.png'),
        fullPage: true,
        animations: 'disabled',
      });

      // Another tab keeps all of it: the posts of Loaf's Sandbox account in those days only.
      const tab = (name: string) =>
        page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name }).click();
      await tab('Posts');
      await page.waitForURL((url) => url.pathname === '/analytics/posts');
      expect(search(page).toString()).toBe(filtered);
      const postsTable = page.getByRole('table', { name: 'Posts of the period with their latest metrics' });
      await postsTable.getByRole('row').filter({ hasText: 'Old news' }).waitFor();
      await expect(postsTable.locator('tbody tr').count()).resolves.toBe(2);
      await postsTable.getByRole('row').filter({ hasText: 'Seeded loaf' }).waitFor();
      await tab('Growth');
      const growth = page.getByRole('table', {
        name: 'Followers per account in this period and the one before',
      });
      await growth.getByRole('row').filter({ hasText: 'Loaf sandbox' }).waitFor();
      await expect(
        growth
          .getByRole('row')
          .filter({ hasText: /Crumb sandbox|Loaf on Mastodon/ })
          .count(),
      ).resolves.toBe(0);
      expect(search(page).toString()).toBe(filtered);

      // Reports: one made for the filters; the list pages (22 more seeded, newest first).
      await withSystem(rig.runtime.container.db, (tx) =>
        tx.insert(reports).values(
          Array.from({ length: 22 }, (_, index) => ({
            organizationId,
            name: `Seeded report ${index + 1}`,
            reportType: 'analytics',
            parameters: { from: dateAgo(27), to: dateAgo(0), timeZone: 'UTC', formats: ['csv'] },
            format: 'csv',
            status: 'failed' as const,
            errorMessage: 'Seeded for paging',
            createdAt: new Date(Date.now() - (index + 1) * 60_000),
          })),
        ),
      );
      await tab('Reports');
      const generate = page.getByRole('form', { name: 'Generate a report' });
      await generate.getByText('the period and the accounts and networks chosen above').waitFor();
      await generate.getByLabel('Name').fill('Loaf on Sandbox');
      await generate.getByRole('button', { name: 'Generate' }).click();
      const list = page.getByRole('list', { name: 'Reports' });
      await list.getByText('Loaf on Sandbox').waitFor();
      const made = await person.api('GET', '/analytics/reports?limit=1');
      expect(made.body.items).toMatchObject([
        {
          name: 'Loaf on Sandbox',
          from: dateAgo(65),
          to: dateAgo(4),
          accountIds: [loaf],
          platforms: ['sandbox'],
        },
      ]);
      const pager = page.getByRole('navigation', { name: 'Pages' });
      await pager.getByText('23 reports · page 1 of 2').waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(20);
      await expect(pager.getByRole('button', { name: 'Previous' }).isDisabled()).resolves.toBe(true);
      await pager.getByRole('button', { name: 'Next' }).click();
      await pager.getByText('23 reports · page 2 of 2').waitFor();
      await list.getByText('Seeded report 22').waitFor();
      await expect(list.getByRole('listitem').count()).resolves.toBe(3);
      await expect(pager.getByRole('button', { name: 'Next' }).isDisabled()).resolves.toBe(true);

      // At phone size with the filters open, nothing overflows sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/analytics', '/analytics/reports']) {
        await page.goto(`${rig.runtime.url}${path}?${filtered}`);
        await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
        await filters.locator('summary').click();
        await networks.getByRole('checkbox', { name: 'Sandbox' }).waitFor();
        await page.waitForLoadState('networkidle');
        await expect(
          page.evaluate<number>('document.documentElement.scrollWidth'),
          path,
        ).resolves.toBeLessThanOrEqual(390);
        await page.screenshot({
          path: join(shots, `${path.split('/').at(-1)}-phone.png`),
          fullPage: true,
          animations: 'disabled',
        });
      }

      // Clearing brings the totals and the preset back, and empties the address.
      await tab('Overview');
      await expectKpis(page, { 'Posts published': '2', Engagement: '40' });
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expectKpis(page, { 'Posts published': '4', Engagement: '84', Impressions: '1,600', Likes: '61' });
      expect(search(page).toString()).toBe('');
      await expect(
        period.getByRole('button', { name: 'Last 28 days' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');
      await expect(page.getByRole('button', { name: 'Clear filters' }).count()).resolves.toBe(0);
      await expect(engagementLine(page)).resolves.toBe(expectedLine(28, 0, { 3: 50, 10: 10, 5: 4, 2: 20 }));

      expect(problems).toEqual([]);
      await person.context.close();
    },
  );
});
