import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectProblems,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';

/**
 * The dashboard in a real browser against the real local runtime (PGlite, every route,
 * the WebSocket endpoint, the built web/dist), the way `npm start` serves it on a laptop.
 * Each test signs a fresh user up through the API, so its browser holds a real refresh
 * cookie and the dashboard restores the session from it; the sign-in pages themselves are
 * covered by identity-flow.test.ts. web/dist must be built first (`npm run build -w web`).
 */

/** Every area in a member's sidebar, the heading its page must show, and whether it is built. */
const AREAS = [
  { link: 'Calendar', path: '/calendar', heading: 'Calendar', built: true },
  { link: 'Posts', path: '/posts', heading: 'Posts', built: true },
  { link: 'Compose', path: '/compose', heading: 'Compose', built: true },
  { link: 'Media', path: '/media', heading: 'Media', built: true },
  { link: 'Analytics', path: '/analytics', heading: 'Analytics', built: true },
  { link: 'Approvals', path: '/approvals', heading: 'Approvals', built: true },
  { link: 'AI agents', path: '/ai-agents', heading: 'AI agents', built: true },
  { link: 'Notifications', path: '/notifications', heading: 'Notifications', built: true },
  { link: 'Accounts', path: '/accounts', heading: 'Accounts', built: true },
  { link: 'Team', path: '/team', heading: 'Team', built: true },
  { link: 'Settings', path: '/settings/profile', heading: 'Settings', built: true },
  { link: 'Billing', path: '/billing', heading: 'Billing' },
  { link: 'Overview', path: '/', heading: 'Overview', built: true },
];

let rig: BrowserRig;

const ORGANIZATION = 'Difference Engines';

/** A browser context signed in as a new admin of ORGANIZATION (registered through the API). */
async function signedInPage(viewport: {
  width: number;
  height: number;
}): Promise<{ page: Page; context: BrowserContext }> {
  const { page, context } = await signedInContext(rig, { organization: ORGANIZATION, viewport });
  return { page, context };
}

beforeAll(async () => {
  rig = await startBrowserRig('dashboard');
});

afterAll(async () => {
  await rig?.stop();
});

describe('dashboard', () => {
  it('opens on the overview with the frame, the organization at a glance, a healthy database behind a status item, live updates and only the first page’s code', async () => {
    const { page, context } = await signedInPage({ width: 1280, height: 900 });
    const problems = collectProblems(page);
    const scripts: string[] = [];
    const ticketRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      if (new URL(request.url()).pathname === '/api/auth/ws-ticket') ticketRequests.push(request.method());
    });

    await page.goto(rig.runtime.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // The frame: landmarks, labelled navigation, top bar with the organization.
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('banner').getByText(ORGANIZATION).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('Overview · Plume');

    // The overview is about the organization's posts: the week's figures, the queue, the
    // newest posts and the accounts that need someone, each saying so when there is nothing.
    await page.getByRole('region', { name: 'Headline figures' }).waitFor();
    await page.getByText('Nothing is scheduled for the next two weeks.').waitFor();
    await page.getByText('Nothing was published in the last 28 days.').waitFor();
    await page.getByText('No account is connected yet.').waitFor();

    // The health check is one small status item; opening it shows the details, through the
    // typed client, from the runtime's real database.
    const statusItem = page.getByRole('button', { name: /^System status: / });
    await page.getByRole('button', { name: 'System status: Operational' }).waitFor();
    await expect(statusItem.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('region', { name: 'System status' }).count()).resolves.toBe(0);
    await statusItem.click();
    await expect(statusItem.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('region', { name: 'This installation' }).waitFor();
    const status = page.getByRole('region', { name: 'System status' });
    await status.getByText('Connected').waitFor();
    await expect(status.getByText('Operational').isVisible()).resolves.toBe(true);
    await expect(status.getByRole('definition').first().textContent()).resolves.toBe('0.1.0');

    // Live updates: one single-use ticket, then an open WebSocket, and the dot says so.
    const live = page.getByRole('banner').getByRole('status');
    await page.locator('[data-status="open"]').waitFor();
    await expect(live.textContent()).resolves.toBe('Live');
    expect(ticketRequests).toEqual(['POST']);

    // Route-level code splitting: the overview's chunk loads, no other page's does.
    expect(scripts.some((path) => /\/HomePage-[\w-]+\.js$/.test(path))).toBe(true);
    expect(
      scripts.filter((path) => /\/(Calendar|Posts|Admin|Billing|Login|Signup|Team)Page-/.test(path)),
    ).toEqual([]);
    // The chart library loads with the analytics pages only, even though the overview shows figures.
    expect(scripts.filter((path) => /\/charts-/.test(path))).toEqual([]);

    await page.screenshot({ path: join(screenshots, 'overview.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends signed-out visitors to sign in with the way back, and keeps the system status public', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The page load asks POST /api/auth/refresh and, with no cookie, is answered 401.
    const problems = collectProblems(page, [/status of 401 \(Unauthorized\)/]);
    const ticketRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/ws-ticket') ticketRequests.push(request.method());
    });

    await page.goto(`${rig.runtime.url}/calendar`);
    await page.waitForURL(`${rig.runtime.url}/login?next=%2Fcalendar`);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Plume' }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);

    await page
      .getByRole('navigation', { name: 'Footer' })
      .getByRole('link', { name: 'System status' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'System status' }).waitFor();
    const status = page.getByRole('region', { name: 'System status' });
    await status.getByText('Connected').waitFor();
    await expect(status.getByText('Operational').isVisible()).resolves.toBe(true);
    // Nobody signed in, no live-updates socket.
    expect(ticketRequests).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reaches every area from the sidebar, each with its heading, and says which are not built yet', async () => {
    const { page, context } = await signedInPage({ width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(rig.runtime.url);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    // Platform administration is for super-admins; a new organization's admin is not one.
    await expect(nav.getByRole('link', { name: 'Admin', exact: true }).count()).resolves.toBe(0);

    for (const area of AREAS) {
      await nav.getByRole('link', { name: area.link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: area.heading, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(area.path);
      await expect(
        nav.getByRole('link', { name: area.link, exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('page');
      const planned = page.getByRole('region', { name: 'Not built yet' });
      if (area.built) {
        await expect(planned.count()).resolves.toBe(0);
      } else {
        await expect(planned.textContent()).resolves.toMatch(/This page arrives with the .+ milestone/);
      }
    }
    // Focus follows navigation to the new page's heading.
    await expect(page.locator('h1:focus').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('loads a deep link directly and answers unknown paths with a 404 page', async () => {
    const { page, context } = await signedInPage({ width: 1280, height: 900 });
    const problems = collectProblems(page);

    await page.goto(`${rig.runtime.url}/calendar?view=month&date=2026-03-01`);
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    // The deep link's own state (view and date in the URL) survives the direct load.
    await page.getByText('March 2026').first().waitFor();

    await page.goto(`${rig.runtime.url}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works at 375 px: the navigation collapses behind a menu button', async () => {
    const { page, context } = await signedInPage({ width: 375, height: 812 });
    const problems = collectProblems(page);
    await page.goto(rig.runtime.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // Closed: the sidebar is hidden from sight and from assistive technology.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.isVisible()).resolves.toBe(false);
    const menu = page.getByRole('button', { name: 'Open navigation' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    // Nothing overflows sideways.
    await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(
      375,
    );

    await menu.click();
    await nav.waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshots, 'mobile-navigation.png'), animations: 'disabled' });
    await nav.getByRole('link', { name: 'Media', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
    // Navigating closes the drawer.
    await nav.waitFor({ state: 'hidden' });

    // Escape closes it too, and focus returns to the menu button.
    await menu.click();
    await nav.waitFor({ state: 'visible', timeout: 5_000 });
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    await expect(page.locator('header button[aria-controls="sidebar"]:focus').count()).resolves.toBe(1);

    // The identity and publishing pages fit too, no sideways scrolling.
    for (const path of [
      '/team',
      '/settings/api-keys',
      '/accounts',
      '/compose',
      '/posts',
      '/calendar',
      '/media',
    ]) {
      await page.goto(`${rig.runtime.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect(
        page.evaluate<number>('document.documentElement.scrollWidth'),
        path,
      ).resolves.toBeLessThanOrEqual(375);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
