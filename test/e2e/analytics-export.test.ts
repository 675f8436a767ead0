import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsFixtures } from '../http/analytics/support';
import { collectProblems, signedInContext, startBrowserRig, type BrowserRig } from './support/browser';
import { daysAgo } from './support/days-ago';

/**
 * The Reports page's export in a real browser: the person picks rows and a file type, the
 * export is made in the background, listed with the reports when ready, and downloads as the
 * file it says it is, with the seeded rows in it.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('analytics-export');
});
afterAll(async () => {
  await rig?.stop();
});

describe('analytics export', () => {
  it(
    'makes the chosen export in the background and downloads it from the reports list',
    { timeout: 120_000 },
    async () => {
      const person = await signedInContext(rig, { organization: 'Crust Export' });
      const me = await person.api('GET', '/organizations');
      const organizationId =
        (me.body.organization as { id: string } | undefined)?.id ?? (me.body.id as string);
      const { account, published } = analyticsFixtures(rig.runtime.container.db);
      const loaf = await account(organizationId, 'sandbox', 'Loaf sandbox');
      for (const [days, likes] of [
        [3, 40],
        [5, 12],
      ] as const)
        await published(
          organizationId,
          loaf,
          'sandbox',
          daysAgo(days, 10).toISOString(),
          [
            { at: daysAgo(days, 20).toISOString(), figures: { likes: likes - 2, impressions: 500 } },
            { at: daysAgo(days - 1, 20).toISOString(), figures: { likes, impressions: 800 } },
          ],
          { content: `Loaf ${likes}` },
        );

      const { page } = person;
      const problems = collectProblems(page);
      await page.goto(`${rig.runtime.url}/analytics/reports`);
      const form = page.getByRole('form', { name: 'Export the data' });
      await form.getByLabel('Daily: the same posts, their figures day by day').check();
      await form.getByLabel('JSON (scripts)').check();
      await form.getByRole('button', { name: 'Export' }).click();
      await form.getByRole('status').filter({ hasText: 'Export started' }).waitFor();

      const reports = page.getByRole('list', { name: 'Reports' });
      const download = reports.getByRole('button', {
        name: /^Download Export of daily figures, .* as JSON$/,
      });
      await download.waitFor({ timeout: 30_000 });
      await expect(reports.getByText(/kept until/).count()).resolves.toBe(1);
      const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toMatch(/^Export of daily figures- .*\.json$/);
      const rows = JSON.parse(await readFile((await file.path())!, 'utf8')) as Array<{
        day: string;
        likes: number;
        text?: string;
      }>;
      // Two posts, each synced on two days: four rows, the figures as each day ended.
      expect(rows.map((row) => row.likes).sort((a, b) => a - b)).toEqual([10, 12, 38, 40]);
      expect(rows.every((row) => row.text === undefined)).toBe(true);
      expect(problems).toEqual([]);
      await person.context.close();
    },
  );
});
