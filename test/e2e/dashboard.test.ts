import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../functions/local/runtime';

/**
 * The dashboard in a real browser against the real local runtime (PGlite, every route,
 * the WebSocket endpoint, the built web/dist), the way `npm start` serves it on a laptop.
 * web/dist must be built first (`npm run build -w web`); this test builds nothing.
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDist = join(repoRoot, 'web/dist');
const screenshots = join(repoRoot, 'test/e2e/screenshots');

/** Every area in the sidebar and the heading its page must show. */
const AREAS = [
  { link: 'Calendar', path: '/calendar', heading: 'Calendar' },
  { link: 'Posts', path: '/posts', heading: 'Posts' },
  { link: 'Compose', path: '/compose', heading: 'Compose' },
  { link: 'Media', path: '/media', heading: 'Media' },
  { link: 'Analytics', path: '/analytics', heading: 'Analytics' },
  { link: 'AI agents', path: '/ai-agents', heading: 'AI agents' },
  { link: 'Notifications', path: '/notifications', heading: 'Notifications' },
  { link: 'Accounts', path: '/accounts', heading: 'Accounts' },
  { link: 'Team', path: '/team', heading: 'Team' },
  { link: 'Settings', path: '/settings', heading: 'Settings' },
  { link: 'Billing', path: '/billing', heading: 'Billing' },
  { link: 'Admin', path: '/admin', heading: 'Admin' },
  { link: 'Overview', path: '/', heading: 'Overview' },
];

let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
let browser: Browser;
let dataDir: string;

/** Page errors and console errors, except the browser's own log line for the expected 501. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/status of 501/.test(message.text())) return; // POST /api/auth/ws-ticket, not built yet
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}

beforeAll(async () => {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` before the browser test.');
  }
  // Like `npm start` on a fresh machine: embedded PGlite in a throwaway data directory,
  // even when the rest of the suite runs against a PostgreSQL server.
  delete process.env.DATABASE_URL;
  dataDir = mkdtempSync(join(tmpdir(), 'plume-e2e-'));
  mkdirSync(screenshots, { recursive: true });
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ port: 0, dataDir, webDist }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
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

describe('dashboard', () => {
  it('opens on the overview with the frame, a healthy database and only the first page’s code', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    const scripts: string[] = [];
    const ticketRequests: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      if (new URL(request.url()).pathname === '/api/auth/ws-ticket') ticketRequests.push(request.method());
    });

    await page.goto(runtime.url);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // The frame: landmarks, labelled navigation, top bar.
    await expect(page.getByRole('navigation', { name: 'Main' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('banner').getByText('Your organization').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('main').count()).resolves.toBe(1);
    await expect(page.title()).resolves.toBe('Overview · Plume');

    // The health card, through the typed client, from the runtime's real database.
    const status = page.getByRole('region', { name: 'System status' });
    await status.getByText('Connected').waitFor();
    await expect(status.getByText('Operational').isVisible()).resolves.toBe(true);
    await expect(status.getByRole('definition').first().textContent()).resolves.toBe('0.1.0');

    // Live updates: the ticket route answers 501 until sign-in exists, and the dot says so.
    const live = page.getByRole('banner').getByRole('status');
    await page.locator('[data-status="unavailable"]').waitFor();
    await expect(live.textContent()).resolves.toBe('Live updates off');
    expect(ticketRequests).toEqual(['POST']);

    // Route-level code splitting: the overview's chunk loads, no other page's does.
    expect(scripts.some((path) => /\/HomePage-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.filter((path) => /\/(Calendar|Posts|Admin|Billing)Page-/.test(path))).toEqual([]);

    await page.screenshot({ path: join(screenshots, 'overview.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks for a live-updates ticket only every few minutes while the server answers 501', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    // The browser's clock is under the test's control; the counter sees each call as it is made.
    await page.clock.install();
    await page.addInitScript({
      content: `
        window.ticketCalls = 0;
        const realFetch = window.fetch.bind(window);
        window.fetch = (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          if (url.endsWith('/api/auth/ws-ticket')) window.ticketCalls++;
          return realFetch(input, init);
        };
      `,
    });
    const ticketCalls = () => page.evaluate<number>('window.ticketCalls');

    await page.goto(runtime.url);
    await page.locator('[data-status="unavailable"]').waitFor();
    expect(await ticketCalls()).toBe(1);
    // Four and a half minutes of "not implemented": no second request (5 min ± 10% apart).
    await page.clock.runFor(270_000);
    expect(await ticketCalls()).toBe(1);
    await page.clock.runFor(60_000);
    await page.waitForFunction('window.ticketCalls === 2');
    await page.locator('[data-status="unavailable"]').waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reaches every area from the sidebar, each with its heading and an honest "not built yet"', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);
    await page.goto(runtime.url);
    const nav = page.getByRole('navigation', { name: 'Main' });

    for (const area of AREAS) {
      await nav.getByRole('link', { name: area.link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: area.heading, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(area.path);
      await expect(
        nav.getByRole('link', { name: area.link, exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('page');
      if (area.path !== '/') {
        await expect(page.getByRole('region', { name: 'Not built yet' }).textContent()).resolves.toMatch(
          /This page arrives with the .+ milestone/,
        );
      }
    }
    // Focus follows navigation to the new page's heading.
    await expect(page.locator('h1:focus').count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads a deep link directly and answers unknown paths with a 404 page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = collectProblems(page);

    await page.goto(`${runtime.url}/calendar`);
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await expect(page.getByText('Publishing milestone').first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'calendar.png'), animations: 'disabled' });

    await page.goto(`${runtime.url}/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('works at 375 px: the navigation collapses behind a menu button', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    const problems = collectProblems(page);
    await page.goto(runtime.url);
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
    expect(problems).toEqual([]);
    await page.close();
  });
});
