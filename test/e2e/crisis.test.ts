import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentAlerts, mentions } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import {
  collectProblems,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';
import { inviteViewer } from './support/invite';

/**
 * The Crisis tab in a real browser against the local runtime: a crisis alert as the crisis
 * check stores it (core/listening/crisis-check.ts details: level, evidence, baseline, samples)
 * shows its severity, the window against the baseline and sample mentions; a notification's
 * link (/agents/alerts?id=) opens it; an admin acknowledges and resolves it; a viewer reads it
 * without buttons; the mentions table filters by sentiment.
 */

let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('crisis');
});

afterAll(async () => {
  await rig?.stop();
});

const HOUR = 3_600_000;

async function seed(admin: SignedIn): Promise<string> {
  const organization = await admin.api('GET', '/organizations');
  const organizationId = organization.body.id as string;
  const now = Date.now();
  return withSystem(rig.runtime.container.db, async (tx) => {
    const [alert] = await tx
      .insert(agentAlerts)
      .values({
        organizationId,
        agentType: 'crisis_manager',
        kind: 'crisis',
        severity: 'error',
        dedupeKey: `crisis:${new Date(now - 3 * HOUR).toISOString()}`,
        title: 'Possible crisis: negative mentions well above usual',
        details: {
          level: 'crisis',
          assessedAt: new Date(now).toISOString(),
          evidence: {
            windowHours: 3,
            from: new Date(now - 3 * HOUR).toISOString(),
            to: new Date(now).toISOString(),
            mentions: 42,
            expected: 6.5,
            ratio: 6.46,
            negative: 30,
            labelled: 40,
            negativeShare: 0.75,
            baselineNegativeShare: 0.12,
            expectedNegative: 4.8,
            pVolume: 0.0001,
            pNegativeShare: 0.0001,
            pNegativeVolume: 0.0001,
            zVolume: 9.1,
          },
          baseline: {
            supported: true,
            days: 28,
            excludedDays: 0,
            mentions: 4000,
            hourlyMean: 6,
            negativeShare: 0.12,
            dispersion: 1.4,
            timeZone: 'UTC',
          },
          samples: [
            {
              id: '00000000-0000-4000-8000-000000000001',
              platform: 'sandbox',
              content: 'The new loaves arrived mouldy, twice',
              url: null,
              at: new Date(now - HOUR).toISOString(),
              score: -0.8,
            },
          ],
        },
        startedAt: new Date(now - 3 * HOUR),
        detectedAt: new Date(now - HOUR),
      })
      .returning();
    await tx.insert(mentions).values(
      (['negative', 'positive', 'negative'] as const).map((label, n) => ({
        organizationId,
        platform: 'sandbox' as const,
        externalId: `crisis-e2e-${n}`,
        content: label === 'negative' ? `Disappointed, order ${n}` : 'Lovely bread as always',
        kind: 'mention' as const,
        sentimentLabel: label,
        sentimentScore: label === 'negative' ? -0.6 : 0.6,
        mentionedAt: new Date(now - (n + 1) * 60_000),
      })),
    );
    return alert!.id;
  });
}

describe('the Crisis tab', () => {
  it('shows a crisis alert with its evidence; a notification link opens it; it is acknowledged and resolved', async () => {
    const admin = await signedInContext(rig, { organization: 'Crumb & Co' });
    const { page } = admin;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    const alertId = await seed(admin);

    // The link a crisis notification carries lands on the Crisis tab, that alert marked.
    await page.goto(`${rig.runtime.url}/agents/alerts?id=${alertId}`);
    await page.waitForURL(/\/ai-agents\?view=crisis&alert=/);
    const alert = page.getByRole('listitem', { name: /Possible crisis/ });
    await expect(alert.getAttribute('aria-current')).resolves.toBe('true');
    await alert.getByText('Crisis', { exact: true }).waitFor();
    const evidence = alert.getByRole('table');
    await evidence.getByText('The last 3 h against the usual (×6.5 the expected volume)').waitFor();
    const share = evidence.getByRole('row', { name: /Negative share/ });
    await expect(share.textContent()).resolves.toContain('75 %');
    await expect(share.textContent()).resolves.toContain('12 %');
    await alert.getByText('Sample mentions (1)').click();
    await alert.getByText('The new loaves arrived mouldy, twice').waitFor();

    // Mentions, narrowed to the negative ones.
    const table = page.getByRole('table', { name: 'Mentions, newest first' });
    await expect(table.getByRole('row').count()).resolves.toBe(4);
    await page.getByLabel('Sentiment').selectOption('negative');
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await expect(table.getByText('Lovely bread as always').count()).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, 'crisis-tab.png'), fullPage: true });

    // An admin (a manager and up) acknowledges it, then resolves it: it leaves the open list.
    await page.goto(`${rig.runtime.url}/ai-agents?view=crisis`);
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await alert.getByText(/^Acknowledged ·/).waitFor();
    await expect(alert.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
    await alert.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No open alert').waitFor();
    const listed = await admin.api('GET', '/ai-agents/alerts?kind=crisis');
    expect(
      (listed.body.items as { id: string; status: string }[]).find((a) => a.id === alertId)?.status,
    ).toBe('resolved');
    expect(problems).toEqual([]);
    await admin.context.close();
  });

  it('a viewer reads the alert without acknowledge or resolve', async () => {
    const admin = await signedInContext(rig, { organization: 'Crumb & Co' });
    await seed(admin);
    const viewer = await inviteViewer(rig, admin);
    const { page } = viewer;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    await page.goto(`${rig.runtime.url}/ai-agents?view=crisis`);
    await page
      .getByRole('listitem', { name: /Possible crisis/ })
      .getByRole('table')
      .waitFor();
    await expect(page.getByRole('button', { name: 'Acknowledge' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Resolve' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await viewer.context.close();
    await admin.context.close();
  });
});
