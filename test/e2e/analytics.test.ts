import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '../../functions/shared/platforms/catalog';
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
 * The Analytics page in a real browser against the real local runtime, on metrics written as a
 * sync stores them: the headline figures and their change, the posts table (sortable, a
 * missing figure explained) and the heatmap, at desktop and phone sizes.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('analytics');
});
afterAll(async () => {
  await rig?.stop();
});

describe('analytics page', () => {
  it(
    'shows the period’s figures against the period before, the posts and the hours',
    { timeout: 90_000 },
    async () => {
      const person = await signedInContext(rig, { organization: 'Crumb & Co' });
      const organization = await person.api('GET', '/organizations');
      const organizationId =
        (organization.body.organization as { id: string } | undefined)?.id ??
        (organization.body.id as string);
      const { account, published } = analyticsFixtures(rig.runtime.container.db);
      const sandbox = await account(organizationId, 'sandbox', 'Crumb sandbox');
      const mastodon = await account(organizationId, 'mastodon', 'Crumb on Mastodon');
      const rye = daysAgo(3, 9);
      await published(
        organizationId,
        sandbox,
        'sandbox',
        rye.toISOString(),
        [
          {
            at: new Date(rye.getTime() + DAY).toISOString(),
            figures: { impressions: 1000, likes: 40, comments: 5, shares: 5, saves: 0, clicks: 0 },
          },
        ],
        { content: 'Rye week starts today' },
      );
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
      // The 28 days before: one post, engagement 25.
      await published(
        organizationId,
        sandbox,
        'sandbox',
        daysAgo(40, 12).toISOString(),
        [
          {
            at: daysAgo(39, 12).toISOString(),
            figures: { impressions: 500, likes: 20, comments: 5, shares: 0, saves: 0, clicks: 0 },
          },
        ],
        { content: 'Old news' },
      );

      const { page } = person;
      const problems = collectProblems(page);
      await page.goto(`${rig.runtime.url}/analytics`);
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await expect(
        page.getByRole('button', { name: 'Last 28 days' }).getAttribute('aria-pressed'),
      ).resolves.toBe('true');

      const figure = (label: string) =>
        page
          .getByRole('region', { name: 'Headline figures' })
          .locator('div')
          .filter({ has: page.getByText(label, { exact: true }) });
      await figure('Engagement').getByText('70').waitFor();
      await expect(figure('Posts published').locator('dd').first().textContent()).resolves.toBe('2');
      // 70 against 25: +180 %.
      await expect(figure('Engagement').textContent()).resolves.toContain('+180 %');
      await expect(figure('Impressions').locator('dd').first().textContent()).resolves.toBe('1,000');
      // Only the sandbox post has impressions: 50 / 1000.
      await expect(figure('Engagement rate').locator('dd').first().textContent()).resolves.toBe('5 %');

      // The heatmap reads the hour each post went out, in the person's zone (UTC by default).
      const weekday = rye.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
      await page.getByText(`${weekday} 9:00: 1 posts, average engagement 50`).waitFor({ state: 'attached' });
      await page.screenshot({ path: join(screenshots, 'analytics-desktop.png'), fullPage: true });

      // The posts table is the Posts tab; the period chosen stays in the address.
      await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'Posts' }).click();
      const table = page.getByRole('table', { name: 'Posts of the period with their latest metrics' });
      const rows = table.getByRole('row');
      await expect(rows.nth(1).textContent()).resolves.toContain('Rye week starts today');
      await expect(rows.nth(2).textContent()).resolves.toContain('Sourdough starter giveaway');
      // Mastodon publishes no views: a dash that says so, never 0.
      await rows
        .nth(2)
        .getByText(`Not available: ${PLATFORM_CATALOG.mastodon.metrics.unavailable.impressions}`)
        .waitFor({ state: 'attached' });
      await table.getByRole('button', { name: 'Shares' }).click();
      await expect(
        table.getByRole('columnheader', { name: /Shares/ }).getAttribute('aria-sort'),
      ).resolves.toBe('descending');
      await rows.nth(1).filter({ hasText: 'Sourdough starter giveaway' }).waitFor();

      // At phone size, as a person opening it on a phone would: the menu closed, the table and
      // the heatmap scrolling sideways inside their cards.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
      await page.getByRole('table', { name: 'Posts of the period with their latest metrics' }).waitFor();
      await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(false);
      await expect(
        page.evaluate<number>('document.documentElement.scrollWidth'),
      ).resolves.toBeLessThanOrEqual(390);
      await page.screenshot({
        path: join(screenshots, 'analytics-phone.png'),
        fullPage: true,
        animations: 'disabled',
      });
      expect(problems).toEqual([]);
      await person.context.close();
    },
  );
});
