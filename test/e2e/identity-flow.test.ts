import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/adapters/local';
import { startLocalRuntime } from '../../functions/local/runtime';
import { requireChromium } from '../support/chromium';

/**
 * Identity end to end, in a real browser against the real local runtime (PGlite, every route,
 * the outbox mailer, the built web/dist): an admin signs up and verifies their email from the
 * mail, invites a colleague as a viewer, the colleague joins from the invitation mail in a
 * browser of their own and finds the team read-only (and the API agrees), then the admin
 * signs out and back in. web/dist must be built first (`npm run build -w web`).
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDist = join(repoRoot, 'web/dist');
const screenshots = join(repoRoot, 'test/e2e/screenshots');

const ADMIN = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@analytical.example',
  password: 'notes on the analytical engine 1843',
  organization: 'Analytical Engines',
};
const COLLEAGUE = {
  firstName: 'Charles',
  lastName: 'Babbage',
  email: 'charles@analytical.example',
  password: 'difference engine number two',
};

let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
let browser: Browser;
let dataDir: string;

/**
 * Page errors and console errors. A signed-out page load asks `POST /api/auth/refresh` and
 * gets 401 by design; Chromium logs every 4xx as a console error, so those few are allowed.
 */
function collectProblems(page: Page, allowed: RegExp[] = []): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowed.some((pattern) => pattern.test(message.text()))) return;
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}
const SIGNED_OUT_REFRESH = /status of 401 \(Unauthorized\)/;

/** The first link to this site in the newest mail to `to` whose subject matches. */
async function linkFromMail(to: string, subject: RegExp): Promise<string> {
  // Mail is sent by the background job after the request has answered.
  await runtime.queue.drained();
  const messages = (await readOutbox(dataDir, to)).filter((message) => subject.test(message.subject));
  const newest = messages.at(-1);
  if (!newest) throw new Error(`No mail to ${to} matching ${subject}`);
  const link = newest.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`The mail "${newest.subject}" has no link`);
  expect(link.startsWith(runtime.url)).toBe(true);
  return link;
}

async function newContext(): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

beforeAll(async () => {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` before the browser test.');
  }
  delete process.env.DATABASE_URL;
  dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-identity-'));
  mkdirSync(screenshots, { recursive: true });
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ port: 0, dataDir, webDist }),
    chromium.launch({
      executablePath: requireChromium(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('identity in the dashboard', () => {
  it(
    'sign up, verify, invite a viewer who joins read-only, sign out and back in',
    { timeout: 120_000 },
    async () => {
      // 1. The admin signs up: the overview greets them with the verification banner.
      const adminContext = await newContext();
      const admin = await adminContext.newPage();
      const adminProblems = collectProblems(admin, [SIGNED_OUT_REFRESH]);
      await admin.goto(`${runtime.url}/signup`);
      await admin.getByRole('heading', { level: 1, name: 'Create your Plume account' }).waitFor();
      await admin.getByLabel('First name').fill(ADMIN.firstName);
      await admin.getByLabel('Last name').fill(ADMIN.lastName);
      await admin.getByLabel('Work email').fill(ADMIN.email);
      await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await admin.getByLabel('Organization name').fill(ADMIN.organization);
      await admin.getByLabel(/I accept the terms/).check();
      await admin.getByRole('button', { name: 'Create account' }).click();

      await admin.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/');
      const banner = admin.getByRole('region', { name: 'Verify your email' });
      await banner.waitFor();
      await expect(banner.textContent()).resolves.toContain(ADMIN.email);
      await expect(admin.getByRole('banner').getByText(ADMIN.organization).isVisible()).resolves.toBe(true);
      // Signed in, the live-updates socket gets its ticket and connects.
      await admin.locator('[data-status="open"]').waitFor();
      await admin.screenshot({
        path: join(screenshots, 'identity-verify-banner.png'),
        animations: 'disabled',
      });

      // 2. The verification mail's link, opened in the same browser, verifies the address.
      const verifyLink = await linkFromMail(ADMIN.email, /Confirm your email/);
      expect(new URL(verifyLink).pathname).toBe('/verify-email');
      await admin.goto(verifyLink);
      await admin.getByText('Your email address is verified').waitFor();
      await admin.getByRole('link', { name: 'Continue to Plume' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await expect(admin.getByRole('region', { name: 'Verify your email' }).count()).resolves.toBe(0);

      // 3. The admin invites a colleague as a viewer.
      await admin
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Team', exact: true })
        .click();
      await admin.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      const invite = admin.getByRole('region', { name: 'Invite a member' });
      await invite.getByLabel('Email').fill(COLLEAGUE.email);
      await invite.getByLabel('Role').selectOption('viewer');
      await invite.getByRole('button', { name: 'Send invitation' }).click();
      await invite.getByText(`Invitation sent to ${COLLEAGUE.email}.`).waitFor();
      const pending = admin.getByRole('list', { name: 'Pending invitations' });
      await pending.getByText(COLLEAGUE.email).waitFor();
      await expect(pending.textContent()).resolves.toContain('Viewer');
      await admin.screenshot({
        path: join(screenshots, 'identity-team-admin.png'),
        animations: 'disabled',
        fullPage: true,
      });

      // 4. In a browser of their own, the colleague accepts with a new account.
      const invitationLink = await linkFromMail(COLLEAGUE.email, /invited you/);
      expect(new URL(invitationLink).pathname).toMatch(/^\/invitations\/[\w-]{16,}$/);
      const colleagueContext = await newContext();
      const colleague = await colleagueContext.newPage();
      const colleagueProblems = collectProblems(colleague, [SIGNED_OUT_REFRESH]);
      await colleague.goto(invitationLink);
      await colleague.getByRole('heading', { level: 1, name: `Join ${ADMIN.organization}` }).waitFor();
      await expect(
        colleague.getByText(`${ADMIN.firstName} ${ADMIN.lastName} invited you`).isVisible(),
      ).resolves.toBe(true);
      await colleague.getByLabel('First name').fill(COLLEAGUE.firstName);
      await colleague.getByLabel('Last name').fill(COLLEAGUE.lastName);
      await colleague.getByLabel('Choose a password').fill(COLLEAGUE.password);
      await colleague.getByLabel(/I accept the terms/).check();
      await colleague.getByRole('button', { name: 'Create account and join' }).click();
      await colleague.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await expect(colleague.getByRole('banner').getByText(ADMIN.organization).isVisible()).resolves.toBe(
        true,
      );

      // 5. The colleague sees the team but none of the controls that change it.
      await colleague.goto(`${runtime.url}/team`);
      await colleague.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      const members = colleague.getByRole('list', { name: 'Members' });
      await members.getByText(`${ADMIN.firstName} ${ADMIN.lastName}`, { exact: true }).waitFor();
      await members.getByText(`${COLLEAGUE.firstName} ${COLLEAGUE.lastName}`, { exact: true }).waitFor();
      await colleague.getByText('Only admins manage the team').waitFor();
      await expect(colleague.getByRole('region', { name: 'Invite a member' }).count()).resolves.toBe(0);
      await expect(
        colleague.getByRole('button', { name: /Send invitation|Remove|Revoke/ }).count(),
      ).resolves.toBe(0);
      await expect(colleague.getByRole('combobox').count()).resolves.toBe(0);
      await colleague.screenshot({
        path: join(screenshots, 'identity-team-viewer.png'),
        animations: 'disabled',
      });

      // ...and the API, not just the page, refuses a viewer's invitation.
      const refreshed = await colleagueContext.request.post(`${runtime.url}/api/auth/refresh`);
      expect(refreshed.status()).toBe(200);
      const { accessToken, user } = (await refreshed.json()) as {
        accessToken: string;
        user: { organization: { role: string } };
      };
      expect(user.organization.role).toBe('viewer');
      const refused = await colleagueContext.request.post(`${runtime.url}/api/organizations/members/invite`, {
        headers: { authorization: `Bearer ${accessToken}` },
        data: { email: 'someone-else@analytical.example', role: 'viewer' },
      });
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('forbidden');

      // 6. The admin signs out, lands on sign-in, and signs in again.
      await admin.getByRole('button', { name: /Account menu/ }).click();
      await admin.getByRole('button', { name: 'Sign out' }).click();
      await admin.getByRole('heading', { level: 1, name: 'Sign in to Plume' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/login');
      await admin.getByText('You have signed out.').waitFor();
      // Signed out means signed out: a protected page sends us back here.
      await admin.goto(`${runtime.url}/team`);
      await admin.waitForURL(`${runtime.url}/login?next=%2Fteam`);
      await admin.getByLabel('Email').fill(ADMIN.email);
      await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
      await admin.getByRole('button', { name: 'Sign in' }).click();
      // Back where the guard stopped us, as the admin, with the invite form again.
      await admin.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/team');
      await admin.getByRole('region', { name: 'Invite a member' }).waitFor();
      const colleagueRole = admin.getByLabel(`Role of ${COLLEAGUE.firstName} ${COLLEAGUE.lastName}`);
      await colleagueRole.waitFor();
      await expect(colleagueRole.inputValue()).resolves.toBe('viewer');

      // A reload restores the session from the refresh cookie alone.
      await admin.reload();
      await admin.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      expect(new URL(admin.url()).pathname).toBe('/team');

      expect(adminProblems).toEqual([]);
      expect(colleagueProblems).toEqual([]);
      await adminContext.close();
      await colleagueContext.close();
    },
  );
});

describe('several organizations', () => {
  it(
    'an existing account joins a second organization and switches between them',
    { timeout: 90_000 },
    async () => {
      const password = 'a perfectly reasonable passphrase';
      // Two people with their own organizations, set up through the API as their browsers would.
      const ownerContext = await newContext();
      const memberContext = await newContext();
      const register = (
        context: BrowserContext,
        firstName: string,
        email: string,
        organizationName: string,
      ) =>
        context.request.post(`${runtime.url}/api/auth/register`, {
          data: { email, password, firstName, lastName: 'Test', organizationName, acceptTerms: true },
        });
      const owner = await register(ownerContext, 'Alan', 'alan@bletchley.example', 'Bletchley Park');
      expect(owner.status()).toBe(201);
      expect(
        (await register(memberContext, 'Grace', 'grace@compilers.example', 'Compilers Inc')).status(),
      ).toBe(201);
      const ownerToken = ((await owner.json()) as { accessToken: string }).accessToken;
      const verifyToken = new URL(
        await linkFromMail('alan@bletchley.example', /Confirm your email/),
      ).searchParams.get('token');
      expect(
        (
          await ownerContext.request.post(`${runtime.url}/api/auth/verify-email`, {
            data: { token: verifyToken },
          })
        ).status(),
      ).toBe(200);
      const invited = await ownerContext.request.post(`${runtime.url}/api/organizations/members/invite`, {
        headers: { authorization: `Bearer ${ownerToken}` },
        data: { email: 'grace@compilers.example', role: 'manager' },
      });
      expect(invited.status()).toBe(201);

      // Grace, already signed in to her own organization, accepts with her password.
      const page = await memberContext.newPage();
      const problems = collectProblems(page, [/status of 401 \(Unauthorized\)/]);
      await page.goto(await linkFromMail('grace@compilers.example', /invited you/));
      await page.getByRole('heading', { level: 1, name: 'Join Bletchley Park' }).waitFor();
      await page.getByLabel('Your Plume password').fill('not my password at all');
      await page.getByRole('button', { name: 'Sign in and join' }).click();
      await page.getByText('The password is incorrect.').waitFor();
      await page.getByLabel('Your Plume password').fill(password);
      await page.getByRole('button', { name: 'Sign in and join' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

      // She now acts in Bletchley Park as a manager: the team is read-only for her.
      await page.goto(`${runtime.url}/team`);
      await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      await page.getByText('Only admins manage the team').waitFor();
      const members = page.getByRole('list', { name: 'Members' });
      await members.getByText('Alan Test', { exact: true }).waitFor();

      // The switcher lists both organizations; switching refetches the page for the other one.
      const switcher = page.getByRole('button', { name: 'Switch organization' });
      await expect(switcher.textContent()).resolves.toContain('Bletchley Park');
      await switcher.click();
      const organizations = page.getByRole('list', { name: 'Your organizations' });
      // Each with her role there; the current one marked.
      expect((await organizations.getByRole('button').allTextContents()).sort()).toEqual([
        'Bletchley ParkManager',
        'Compilers IncAdmin',
      ]);
      await expect(organizations.locator('[aria-current="true"]').textContent()).resolves.toContain(
        'Bletchley Park',
      );
      await organizations.getByRole('button', { name: /Compilers Inc/ }).click();
      await expect.poll(() => switcher.textContent()).toContain('Compilers Inc');
      await page.getByText('1 person in this organization.').waitFor();
      await expect(members.getByText('Alan Test', { exact: true }).count()).resolves.toBe(0);
      await expect(page.getByText('Only admins manage the team').count()).resolves.toBe(0);

      // A reload stays in the organization she switched to.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
      await expect(
        page.getByRole('button', { name: 'Switch organization' }).textContent(),
      ).resolves.toContain('Compilers Inc');
      expect(problems).toEqual([]);
      await ownerContext.close();
      await memberContext.close();
    },
  );
});

describe('settings', () => {
  it(
    'profile, sessions, an API key shown once, the organization, a data export and account deletion',
    { timeout: 120_000 },
    async () => {
      const email = 'hedy@settings.example';
      const password = 'frequency hopping spread spectrum';
      const context = await newContext();
      const registered = await context.request.post(`${runtime.url}/api/auth/register`, {
        data: {
          email,
          password,
          firstName: 'Hedy',
          lastName: 'Kiesler',
          organizationName: 'Torpedo Labs',
          acceptTerms: true,
        },
      });
      expect(registered.status()).toBe(201);
      // A second session of the same person, elsewhere.
      const elsewhere = await newContext();
      expect(
        (
          await elsewhere.request.post(`${runtime.url}/api/auth/login`, { data: { email, password } })
        ).status(),
      ).toBe(200);

      const page = await context.newPage();
      const problems = collectProblems(page);

      // Profile: a new name and time zone survive a reload and show in the account menu.
      await page.goto(`${runtime.url}/settings`);
      await page.waitForURL(`${runtime.url}/settings/profile`);
      const profile = page.getByRole('region', { name: 'Profile' });
      await profile.getByLabel('First name').fill('Hedwig');
      await profile.getByLabel('Time zone').selectOption('America/Los_Angeles');
      await profile.getByRole('button', { name: 'Save profile' }).click();
      await profile.getByText('Saved.').waitFor();
      await page.reload();
      await expect(
        page.getByRole('region', { name: 'Profile' }).getByLabel('First name').inputValue(),
      ).resolves.toBe('Hedwig');
      await expect(
        page.getByRole('region', { name: 'Profile' }).getByLabel('Time zone').inputValue(),
      ).resolves.toBe('America/Los_Angeles');
      await expect(page.getByRole('button', { name: /Account menu/ }).textContent()).resolves.toContain(
        'Account menu for Hedwig Kiesler',
      );

      // Sessions: this device and the other one; revoking the other ends it for real.
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('link', { name: 'Sessions' })
        .click();
      const sessions = page.getByRole('list', { name: 'Active sessions' });
      await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2);
      await expect(sessions.getByRole('listitem').first().textContent()).resolves.toContain('This device');
      await sessions.getByRole('button', { name: /^Revoke the / }).click();
      await page
        .getByRole('dialog', { name: 'Revoke this session?' })
        .getByRole('button', { name: 'Revoke session' })
        .click();
      await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
      expect((await elsewhere.request.post(`${runtime.url}/api/auth/refresh`)).status()).toBe(401);

      // API keys: the secret shows once, works, and stops working when revoked.
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('link', { name: 'API keys' })
        .click();
      const create = page.getByRole('region', { name: 'Create an API key' });
      await create.getByLabel('Name').fill('Reporting script');
      await create.getByLabel('Role').selectOption('viewer');
      await create.getByRole('button', { name: 'Create key' }).click();
      const secret = await create.getByLabel('New API key').inputValue();
      expect(secret).toMatch(/^plm_[a-z0-9]{12}_[\w-]{43}$/);
      const withKey = () =>
        context.request.get(`${runtime.url}/api/organizations`, { headers: { 'x-api-key': secret } });
      expect((await withKey()).status()).toBe(200);
      const keys = page.getByRole('list', { name: 'API keys' });
      await expect(keys.textContent()).resolves.toContain(secret.slice(0, 16));
      await create.getByRole('button', { name: 'I have copied it' }).click();
      await expect(page.getByLabel('New API key').count()).resolves.toBe(0);
      await expect(page.content()).resolves.not.toContain(secret);
      await keys.getByRole('button', { name: 'Revoke Reporting script' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
      await page.getByText('No API keys yet.').waitFor();
      expect((await withKey()).status()).toBe(401);

      // Organization: a new name shows in the top bar at once.
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('link', { name: 'Organization' })
        .click();
      const organization = page.getByRole('region', { name: 'Organization' });
      await organization.getByLabel('Name').fill('Torpedo Laboratories');
      await organization.getByLabel('Data retention (days)').fill('10');
      await organization.getByRole('button', { name: 'Save changes' }).click();
      await organization.getByText('Use 30 or more').waitFor();
      await organization.getByLabel('Data retention (days)').fill('90');
      await organization.getByRole('button', { name: 'Save changes' }).click();
      await organization.getByText('Saved.').waitFor();
      await page.getByRole('banner').getByText('Torpedo Laboratories').waitFor();

      // Privacy: the export is prepared in the background and its link downloads the data.
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Privacy' }).click();
      await page.getByRole('button', { name: 'Request my data' }).click();
      const download = page.getByRole('link', { name: 'Download your data' });
      await download.waitFor({ timeout: 30_000 });
      const exported = await context.request.get(
        new URL((await download.getAttribute('href'))!, runtime.url).href,
      );
      expect(exported.status()).toBe(200);
      expect(await exported.text()).toContain(email);

      // Deleting the account needs the password and the phrase, then signs out everywhere.
      const remove = page.getByRole('region', { name: 'Delete my account' });
      const deleteButton = remove.getByRole('button', { name: 'Delete my account' });
      await remove.getByLabel('Your password').fill(password);
      await remove.getByLabel(/to confirm/).fill('delete my account');
      await expect(deleteButton.isDisabled()).resolves.toBe(true);
      await remove.getByLabel(/to confirm/).fill('DELETE MY ACCOUNT');
      await deleteButton.click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Plume' }).waitFor();
      await page.getByText('Your account has been deleted.').waitFor();
      expect(
        (await context.request.post(`${runtime.url}/api/auth/login`, { data: { email, password } })).status(),
      ).toBe(401);

      expect(problems).toEqual([]);
      await context.close();
      await elsewhere.close();
    },
  );
});
