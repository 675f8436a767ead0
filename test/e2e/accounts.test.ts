import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { socialAccounts } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';
import { inviteViewer } from './support/invite';

/**
 * The Accounts page in a real browser against the real local runtime: a manager connects,
 * renames, pauses, syncs and disconnects a Sandbox account through the page, and every step
 * is checked in the API afterwards. web/dist must be built first (`npm run build -w web`).
 */
let rig: BrowserRig;

interface AccountBody {
  id: string;
  name: string | null;
  handle: string | null;
  status: string;
  isActive: boolean;
  lastSync: string | null;
}

async function listAccounts(person: SignedIn) {
  const answer = await person.api('GET', '/social-accounts');
  expect(answer.status).toBe(200);
  return answer.body as unknown as {
    accounts: AccountBody[];
    platforms: { platform: string; name: string; configured: boolean; missingSettings: string[] }[];
  };
}

async function openAccounts(page: Page) {
  await page.goto(`${rig.runtime.url}/accounts`);
  await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
}

/** The card of one network in "Connect an account". */
const networkCard = (page: Page, name: string) =>
  page
    .getByRole('list', { name: 'Networks' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });

beforeAll(async () => {
  rig = await startBrowserRig('accounts');
});

afterAll(async () => {
  await rig?.stop();
});

describe('accounts page', () => {
  it(
    'connects a Sandbox account, renames, pauses, syncs and disconnects it',
    { timeout: 90_000 },
    async () => {
      const admin = await signedInContext(rig, { organization: 'Sandbox Bakery' });
      const { page } = admin;
      const problems = collectProblems(page);
      await openAccounts(page);
      await page.getByText('None yet.').waitFor();
      // The live socket is open, so the sync's push can refresh the list later.
      await page.locator('[data-status="open"]').waitFor();

      // Connect: the Sandbox asks only for a handle and connects at once.
      const sandbox = networkCard(page, 'Sandbox');
      await sandbox.getByLabel('Sandbox handle').fill('crumb-co');
      await sandbox.getByRole('button', { name: 'Connect', exact: true }).click();
      const list = page.getByRole('list', { name: 'Connected accounts' });
      const row = list.getByRole('listitem').filter({ hasText: '@crumb-co' });
      await row.waitFor();
      await expect(row.getByText('Active', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(row.getByText('@crumb-co').isVisible()).resolves.toBe(true);
      await page
        .getByRole('status')
        .getByText(/^Connected /)
        .waitFor();
      let [stored] = (await listAccounts(admin)).accounts;
      expect(stored).toMatchObject({ handle: 'crumb-co', status: 'active', isActive: true });
      const profileLink = row.getByRole('link', { name: /View profile/ });
      expect(await profileLink.getAttribute('href')).toMatch(/crumb-co/);

      // Rename.
      await row.getByRole('button', { name: /^Rename / }).click();
      const nameField = page.getByLabel('Name in Plume');
      await nameField.fill('');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByText('Enter a name, or use the profile name').waitFor();
      await nameField.fill('Crumb & Co bakery');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByText('Renamed to Crumb & Co bakery.').waitFor();
      const renamed = list.getByRole('listitem', { name: 'Crumb & Co bakery' });
      await renamed.waitFor();
      [stored] = (await listAccounts(admin)).accounts;
      expect(stored?.name).toBe('Crumb & Co bakery');

      // Pause, then offer it in the composer again.
      const offered = renamed.getByRole('switch', { name: 'Offer Crumb & Co bakery in the composer' });
      expect(await offered.getAttribute('aria-checked')).toBe('true');
      await offered.click();
      await page.getByText('Crumb & Co bakery is paused.').waitFor();
      await renamed.getByText('Paused', { exact: true }).waitFor();
      expect((await listAccounts(admin)).accounts[0]?.isActive).toBe(false);
      await offered.click();
      await page.getByText('Crumb & Co bakery is offered in the composer again.').waitFor();
      expect(await offered.getAttribute('aria-checked')).toBe('true');
      expect((await listAccounts(admin)).accounts[0]?.isActive).toBe(true);

      // Sync now: queued (202), then the worker's `social-account.synced` push refreshes the row.
      const before = (await listAccounts(admin)).accounts[0]?.lastSync ?? null;
      await renamed.getByRole('button', { name: 'Sync Crumb & Co bakery now' }).click();
      await page.getByText(/Sync of Crumb & Co bakery queued/).waitFor();
      await expect
        .poll(async () => (await listAccounts(admin)).accounts[0]?.lastSync ?? null, { timeout: 20_000 })
        .not.toBe(before);
      // No reload: the push alone brings the new sync time on screen.
      await renamed.getByText(/Last sync:\s*(just now|\d+ seconds? ago|now)/).waitFor({ timeout: 10_000 });

      // Insights: totals from the API (no posts yet, so zeros and an explanation).
      await renamed.getByRole('button', { name: 'Insights of Crumb & Co bakery' }).click();
      const insights = page.getByRole('region', { name: 'Insights of Crumb & Co bakery' });
      await insights.getByText('No post metrics yet.', { exact: false }).waitFor();
      await expect(insights.getByRole('definition').first().textContent()).resolves.toBe('0');

      await page.screenshot({
        path: join(screenshots, 'accounts.png'),
        animations: 'disabled',
        fullPage: true,
      });

      // A failed sync (here written as the sync job records one) keeps the figures and says so.
      await withSystem(rig.runtime.container.db, (tx) =>
        tx
          .update(socialAccounts)
          .set({
            accountData: sql`${socialAccounts.accountData} || ${JSON.stringify({
              lastSyncError: { message: 'Sandbox is down', at: new Date().toISOString(), failures: 1 },
            })}::jsonb`,
          })
          .where(eq(socialAccounts.id, stored!.id)),
      );
      await page.reload();
      await renamed
        .getByText(
          /The last sync failed \(Sandbox is down\); figures are from .+ and Plume tries again on its own\./,
        )
        .waitFor();

      // Disconnect, with a confirmation that says what happens to scheduled posts.
      await renamed.getByRole('button', { name: 'Disconnect Crumb & Co bakery' }).click();
      const dialog = page.getByRole('dialog', { name: 'Disconnect Crumb & Co bakery?' });
      await dialog.getByText(/Posts scheduled to it stay in Plume but will not go out/).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await listAccounts(admin)).accounts[0]?.status).toBe('active');
      await renamed.getByRole('button', { name: 'Disconnect Crumb & Co bakery' }).click();
      await dialog.getByRole('button', { name: 'Disconnect' }).click();
      await page.getByText('Crumb & Co bakery was disconnected.').waitFor();
      await renamed.getByText('Disconnected', { exact: true }).waitFor();
      await expect(renamed.getByRole('button', { name: /^Disconnect / }).count()).resolves.toBe(0);
      await expect(renamed.getByRole('button', { name: 'Reconnect' }).isVisible()).resolves.toBe(true);
      expect((await listAccounts(admin)).accounts[0]).toMatchObject({
        status: 'disconnected',
        isActive: false,
      });

      // Reconnecting the Sandbox account revives the same row.
      await renamed.getByRole('button', { name: 'Reconnect' }).click();
      await renamed.getByText('Active', { exact: true }).waitFor();
      const afterReconnect = (await listAccounts(admin)).accounts;
      expect(afterReconnect).toHaveLength(1);
      expect(afterReconnect[0]).toMatchObject({ id: stored?.id, status: 'active' });

      expect(problems).toEqual([]);
      await admin.context.close();
    },
  );

  it('shows an account that lost its access and reconnects it', { timeout: 60_000 }, async () => {
    const admin = await signedInContext(rig, { organization: 'Lost Keys Ltd' });
    const { page } = admin;
    const problems = collectProblems(page);
    const accountId = await connectSandbox(admin, 'lost-keys');
    await openAccounts(page);
    const row = page
      .getByRole('list', { name: 'Connected accounts' })
      .getByRole('listitem')
      .filter({ hasText: '@lost-keys' });
    await row.getByText('Active', { exact: true }).waitFor();
    await page.locator('[data-status="open"]').waitFor();

    // The Sandbox refuses the stored token when a post carries #fail-auth: the publisher marks
    // the account needs_reauth. (The publisher pushes only `post-target.updated` for it, not
    // `social-account.updated`, so the page is reloaded once the API says so.)
    const post = await admin.api('POST', '/posts', {
      content: 'Fresh bread at eight #fail-auth',
      targets: [{ socialAccountId: accountId }],
    });
    expect(post.status).toBe(201);
    const published = await admin.api('POST', `/posts/${post.body.id as string}/publish`);
    expect(published.status).toBeLessThan(300);
    await expect
      .poll(
        async () => (await listAccounts(admin)).accounts.find((account) => account.id === accountId)?.status,
        {
          timeout: 20_000,
        },
      )
      .toBe('needs_reauth');
    await page.reload();
    await row.getByText('Needs reconnecting', { exact: true }).waitFor();
    const notice = row.getByRole('note').filter({ hasText: 'Publishing is stopped for this account' });
    await notice.getByText(/access token was revoked/).waitFor();
    await expect(page.getByText(/need attention|needs attention/).isVisible()).resolves.toBe(true);

    await notice.getByRole('button', { name: 'Reconnect' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await expect(row.getByRole('note').count()).resolves.toBe(0);
    expect((await listAccounts(admin)).accounts.find((account) => account.id === accountId)?.status).toBe(
      'active',
    );

    expect(problems).toEqual([]);
    await admin.context.close();
  });

  it(
    'shows the API’s refusals: Bluesky sign-in, networks not set up, and a full plan',
    { timeout: 60_000 },
    async () => {
      const admin = await signedInContext(rig, { organization: 'Refusals Inc' });
      const { page } = admin;
      // The Bluesky server cannot be reached (4xx/5xx on purpose), and the plan is full (403).
      const problems = collectProblems(page, [/status of (4\d\d|5\d\d)/]);
      const { platforms } = await listAccounts(admin);
      await openAccounts(page);

      // Bluesky: client-side checks first, then the server's answer about the unreachable service.
      const bluesky = networkCard(page, 'Bluesky');
      await bluesky.getByRole('button', { name: 'Connect Bluesky' }).click();
      await bluesky.getByRole('button', { name: 'Connect Bluesky' }).last().click();
      await bluesky.getByText('Enter the handle or email of the account').waitFor();
      await bluesky.getByText('Enter an app password').waitFor();
      await expect(bluesky.getByRole('link', { name: /App passwords/ }).getAttribute('href')).resolves.toBe(
        'https://bsky.app/settings/app-passwords',
      );
      await bluesky.getByLabel('Handle or email').fill('ada.example.com');
      await bluesky.getByLabel('App password').fill('abcd-efgh-ijkl-mnop');
      await bluesky.getByRole('button', { name: 'My account is hosted elsewhere' }).click();
      await bluesky.getByLabel(/Hosting provider/).fill('http://127.0.0.1:9');
      const refused = page.waitForResponse((response) =>
        response.url().endsWith('/api/social-accounts/connect'),
      );
      await bluesky.getByRole('button', { name: 'Connect Bluesky' }).last().click();
      const answer = await refused;
      expect(answer.status()).toBeGreaterThanOrEqual(400);
      const problem = (await answer.json()) as { detail: string };
      await bluesky.getByText(problem.detail, { exact: false }).waitFor();
      expect((await listAccounts(admin)).accounts).toHaveLength(0);

      // OAuth networks without app credentials say which settings the operator must add.
      const unconfigured = platforms.filter((platform) => !platform.configured);
      expect(unconfigured.length).toBeGreaterThan(0);
      for (const platform of unconfigured) {
        const card = networkCard(page, platform.name);
        await card.getByText('Not set up on this Plume yet.').waitFor();
        const settings = card.getByRole('list', { name: `Settings ${platform.name} needs` });
        await expect(settings.getByRole('listitem').allTextContents()).resolves.toEqual(
          platform.missingSettings,
        );
        await expect(card.getByRole('button').count()).resolves.toBe(0);
      }

      // A full plan (3 accounts on the free plan) is said plainly, with the way to billing.
      await page.locator('[data-status="open"]').waitFor();
      for (const handle of ['one-loaf', 'two-loaves', 'three-loaves']) await connectSandbox(admin, handle);
      // No reload: each connection pushes `social-account.updated`, which refreshes the list.
      await page.getByRole('list', { name: 'Connected accounts' }).getByRole('listitem').nth(2).waitFor();
      const sandbox = networkCard(page, 'Sandbox');
      await sandbox.getByLabel('Sandbox handle').fill('four-loaves');
      await sandbox.getByRole('button', { name: 'Connect', exact: true }).click();
      const full = sandbox.getByRole('alert').filter({ hasText: 'Your plan is full' });
      await full.waitFor();
      await expect(full.getByRole('link', { name: 'change the plan' }).getAttribute('href')).resolves.toBe(
        '/billing',
      );
      expect((await listAccounts(admin)).accounts).toHaveLength(3);

      expect(problems).toEqual([]);
      await admin.context.close();
    },
  );

  it('shows the OAuth callback’s result once and cleans the address', async () => {
    const admin = await signedInContext(rig, { organization: 'Callback Co' });
    const { page } = admin;
    const problems = collectProblems(page);
    await page.goto(`${rig.runtime.url}/accounts?error=access_denied&platform=linkedin`);
    const alert = page.getByRole('alert').filter({ hasText: 'LinkedIn was not connected' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('declined on LinkedIn');
    await page.waitForURL(`${rig.runtime.url}/accounts`);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alert.count()).resolves.toBe(0);

    await page.goto(`${rig.runtime.url}/accounts?connected=mastodon&count=1`);
    await page.getByRole('status').filter({ hasText: 'Connected Mastodon' }).waitFor();
    await page.waitForURL(`${rig.runtime.url}/accounts`);
    expect(problems).toEqual([]);
    await admin.context.close();
  });

  it('is read-only for a viewer', { timeout: 60_000 }, async () => {
    const admin = await signedInContext(rig, { organization: 'Viewer Bakery' });
    await connectSandbox(admin, 'viewer-bakery');

    // The admin verifies their address (required to invite), invites a viewer, who joins.
    const viewer = await inviteViewer(rig, admin);
    const viewerContext = viewer.context;

    const page = viewer.page;
    const problems = collectProblems(page);
    await openAccounts(page);
    const row = page
      .getByRole('list', { name: 'Connected accounts' })
      .getByRole('listitem')
      .filter({ hasText: '@viewer-bakery' });
    await row.waitFor();
    await page.getByText('Only managers and admins connect accounts').waitFor();
    await expect(page.getByRole('heading', { name: 'Connect an account' }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: /Connect|Disconnect|Rename|Reconnect|Sync/ }).count(),
    ).resolves.toBe(0);
    await expect(page.getByRole('switch').count()).resolves.toBe(0);
    await row.getByText('Offered in the composer.').waitFor();
    // Insights are for everyone.
    await row.getByRole('button', { name: /^Insights of / }).click();
    await page
      .getByRole('region', { name: /^Insights of / })
      .getByText('Last 30 days')
      .waitFor();

    expect(problems).toEqual([]);
    await viewerContext.close();
    await admin.context.close();
  });
});
