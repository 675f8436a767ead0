import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDueCompetitorSyncs } from '../../functions/core/analytics/competitor-sync-tick';
import { seedSandboxHistory } from '../../functions/core/sandbox-history/seed-sandbox-history';
import { HISTORY_DEFAULTS } from '../../functions/platforms/sandbox/history';
import type { TaskOutputs } from '../../web/src/pages/agents/task-outputs';
import { bestTimeClaim } from '../../web/src/pages/agents/results/best-time-claim';
import {
  collectProblems,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';

/**
 * The agents' evidence views over a history written by the Sandbox history generator (two
 * accounts, three months, two competitors, mentions): each view runs its task through the
 * page and must draw what the stored task output says: the best-time heatmap's outlined
 * cells are the ranked top three and its backtest sentence is the output's, the rising terms
 * are the bursts in order, the prediction's figures and factors are the model's, and the
 * competitors' table has every party. Screenshots: test/e2e/screenshots/agents-evidence-*.png.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('agents-evidence');
});
afterAll(async () => {
  await rig?.stop();
});

interface Task {
  id: string;
  status: string;
  completedAt: string | null;
  output: Record<string, unknown> | null;
}

async function runFromView(page: Page, person: SignedIn, tab: string, taskType: string): Promise<Task> {
  await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: tab }).click();
  await expect
    .poll(() =>
      page
        .getByRole('navigation', { name: 'Agents' })
        .getByRole('link', { name: tab })
        .getAttribute('aria-current'),
    )
    .toBe('page');
  await page.getByRole('button', { name: tab === 'Prediction' ? 'Predict' : 'Run the agent' }).click();
  // The page follows the task to its end (push, or polling) and then shows its output.
  await expect
    .poll(
      async () => (await person.api('GET', `/ai-agents/tasks?taskType=${taskType}&pageSize=1`)).body.items,
      {
        timeout: 20_000,
      },
    )
    .toMatchObject([{ status: 'completed' }]);
  const list = await person.api('GET', `/ai-agents/tasks?taskType=${taskType}&pageSize=1`);
  const [task] = list.body.items as Task[];
  await page.locator(`[data-testid="latest-result"][data-task-id="${task!.id}"]`).waitFor();
  return task!;
}

describe('agents’ evidence views over a seeded Sandbox history', () => {
  it(
    'draw the stored outputs: heatmap and backtest, rising terms, prediction, competitors',
    { timeout: 180_000 },
    async () => {
      const person = await signedInContext(rig, { organization: 'Fernhill Bakery' });
      const organization = await person.api('GET', '/organizations');
      const organizationId =
        (organization.body.organization as { id: string } | undefined)?.id ??
        (organization.body.id as string);
      const profile = await person.api('GET', '/users/profile');
      const { container } = rig.runtime;
      const { groundTruth: truth } = await seedSandboxHistory(
        { db: container.db, crypto: container.crypto, ids: container.ids, media: container.media },
        {
          ...HISTORY_DEFAULTS,
          organizationId,
          userId: profile.body.id as string,
          brand: 'Fernhill',
          slug: 'fernagents',
          months: 3,
          accounts: 2,
          postsPerWeek: 5,
          competitors: 2,
          mentionsPerDay: 3,
          seed: 'fern-1',
          now: container.clock.now(),
          publicUrl: rig.runtime.url,
          raisePlanLimit: true,
        },
      );
      const zone = truth.accounts[0]!.timeZone;
      expect((await person.api('PUT', '/users/profile', { timezone: zone })).status).toBe(200);
      await queueDueCompetitorSyncs(container, { respectMarker: false, organizationId });
      await rig.runtime.queue.drained();

      const { page } = person;
      page.setDefaultTimeout(15_000);
      const problems = collectProblems(page);
      await page.goto(`${rig.runtime.url}/ai-agents`);
      await page.getByRole('list', { name: 'Agents' }).getByRole('listitem').first().waitFor();

      // Best times: one section per account; the outlined cells are the ranked top three; the
      // sentence beside the advice is the backtest's (or why there is none).
      const schedule = await runFromView(page, person, 'Best times', 'schedule.optimize');
      const times = schedule.output as unknown as TaskOutputs['schedule.optimize'];
      expect(times.accounts).toHaveLength(2);
      const maps = page.getByTestId('best-time-heatmap');
      await expect(maps.count()).resolves.toBe(2);
      const sentences = await page.getByTestId('best-time-backtest').allTextContents();
      for (const [index, account] of times.accounts.entries()) {
        const best = (await maps.nth(index).locator('td[data-best] .sr-only').allTextContents()).map(
          (text) => text.split(':')[0] ?? '',
        );
        const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
        expect(best.sort()).toEqual(
          account.ranked
            .slice(0, 3)
            .map((slot) => `${names[slot.weekday]} ${slot.hour}`)
            .sort(),
        );
        expect(sentences[index]).toBe(bestTimeClaim(account.backtest, schedule.completedAt));
        if (!account.supported)
          await page.getByText('Your history cannot support advice on times yet').first().waitFor();
      }
      await page.screenshot({ path: join(screenshots, 'agents-evidence-best-times.png'), fullPage: true });

      // Trends: the table lists the bursts in the output's order, with their counts.
      const trends = await runFromView(page, person, 'Trends', 'trends.analyze');
      const analysis = trends.output as unknown as TaskOutputs['trends.analyze'];
      await expect(page.getByTestId('agent-summary').textContent()).resolves.toBe(analysis.summary);
      if (analysis.bursts.length > 0) {
        const table = page.getByRole('table', { name: 'Rising terms, most significant first' });
        const heads = await table.locator('tbody tr > th').allTextContents();
        const firsts = await table.locator('tbody tr > td:first-of-type').allTextContents();
        const rows = heads.map((head, i) => [head, firsts[i] ?? '']);
        expect(rows).toEqual(
          analysis.bursts.map((b) => [`${b.kind === 'hashtag' ? '#' : ''}${b.term}`, String(b.countWindow)]),
        );
        await page.getByRole('figure', { name: 'Texts using each rising term in the window' }).waitFor();
      } else {
        // Whether a term bursts hangs on the day the test runs; a quiet window must say so.
        await page.getByText('Nothing is rising in this window.').waitFor();
      }
      await page.screenshot({ path: join(screenshots, 'agents-evidence-trends.png'), fullPage: true });

      // Prediction: the figure, the interval and the factors are the model's.
      await page
        .getByRole('navigation', { name: 'Agents' })
        .getByRole('link', { name: 'Prediction' })
        .click();
      await page
        .getByLabel('Draft')
        .fill('Fresh sourdough this Saturday at Fernhill. Who is coming? #fernhill');
      const predicted = await runFromView(page, person, 'Prediction', 'engagement.predict');
      const prediction = (predicted.output as unknown as TaskOutputs['engagement.predict']).prediction;
      expect(prediction.supported).toBe(true);
      if (prediction.supported) {
        const { engagement, interval } = prediction.prediction;
        const figure = await page.getByTestId('prediction-figure').textContent();
        const round = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
        expect(figure).toContain(`${round.format(engagement)} engagements expected`);
        expect(figure).toContain(`${round.format(interval.low)} to ${round.format(interval.high)}`);
        await expect(page.getByRole('list', { name: 'Factors' }).getByRole('listitem').count()).resolves.toBe(
          prediction.factors.length,
        );
      }
      await page.screenshot({ path: join(screenshots, 'agents-evidence-prediction.png'), fullPage: true });

      // Competitors: every party in the table, and the opportunities the output found.
      const rivals = await runFromView(page, person, 'Competitors', 'competitors.analyze');
      const benchmark = rivals.output as unknown as TaskOutputs['competitors.analyze'];
      expect(benchmark.parties).toHaveLength(3);
      await expect(
        page.getByRole('table', { name: 'You and your competitors' }).locator('tbody tr').count(),
      ).resolves.toBe(3);
      await page.getByRole('figure', { name: 'Share of voice: part of all engagement, percent' }).waitFor();
      if (benchmark.opportunities.length > 0)
        await expect(
          page.getByRole('list', { name: 'Opportunities' }).getByRole('listitem').count(),
        ).resolves.toBe(benchmark.opportunities.length);
      await page.screenshot({ path: join(screenshots, 'agents-evidence-competitors.png'), fullPage: true });

      expect(problems).toEqual([]);
    },
  );
});
