import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startLocalRuntime, type LocalRuntimeOptions } from '../../../functions/local/runtime';
import { requireChromium } from '../../support/chromium';
import { ContractRecorder } from '../../support/openapi-contract';

/**
 * What every browser test of the dashboard needs: the real local runtime (PGlite in a
 * throwaway folder, every route, the WebSocket endpoint, the built web/dist) and Debian's
 * headless Chromium. web/dist must be built first (`npm run build -w web`).
 */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const webDist = join(repoRoot, 'web/dist');
export const screenshots = join(repoRoot, 'test/e2e/screenshots');

export type Runtime = Awaited<ReturnType<typeof startLocalRuntime>>;

export interface BrowserRig {
  runtime: Runtime;
  browser: Browser;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startBrowserRig(
  name: string,
  options: Omit<LocalRuntimeOptions, 'port' | 'dataDir' | 'webDist'> = {},
): Promise<BrowserRig> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build -w web` before the browser test.');
  }
  // Like `npm start` on a fresh machine: embedded PGlite, even when the rest of the suite
  // runs against a PostgreSQL server.
  delete process.env.DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), `plume-e2e-${name}-`));
  mkdirSync(screenshots, { recursive: true });
  // The dashboard's own calls are checked against the OpenAPI document too.
  const contract = new ContractRecorder();
  const [runtime, browser] = await Promise.all([
    startLocalRuntime({ onApiResponse: contract.onApiResponse, ...options, port: 0, dataDir, webDist }),
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
  return {
    runtime,
    browser,
    dataDir,
    async stop() {
      await browser.close();
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
      contract.assertClean();
    },
  };
}

/**
 * Page errors and console errors. Chromium logs every 4xx answer as a console error; a
 * test that expects one says so with `allowed`.
 */
export function collectProblems(page: Page, allowed: RegExp[] = []): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (allowed.some((pattern) => pattern.test(message.text()))) return;
    problems.push(`console: ${message.text()}`);
  });
  return problems;
}

let people = 0;

export interface SignedIn {
  context: BrowserContext;
  page: Page;
  email: string;
  /** Calls the API as this person (bearer token from the registration). */
  api(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
}

/**
 * A browser context signed in as a new admin of a new organization: registration through
 * the API sets the refresh cookie in the context's cookie jar, as the sign-up page would.
 */
export async function signedInContext(
  rig: BrowserRig,
  options: { organization?: string; viewport?: { width: number; height: number } } = {},
): Promise<SignedIn> {
  const context = await rig.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  people += 1;
  const email = `member-${people}-${Date.now()}@publishing.example`;
  const registered = await context.request.post(`${rig.runtime.url}/api/auth/register`, {
    data: {
      email,
      password: 'a long and unguessable passphrase',
      firstName: 'Ada',
      lastName: 'Lovelace',
      organizationName: options.organization ?? 'Analytical Engines',
      acceptTerms: true,
    },
  });
  expect(registered.status()).toBe(201);
  const { accessToken } = (await registered.json()) as { accessToken: string };
  return { context, page: await context.newPage(), email, api: bearerApi(rig, context, accessToken) };
}

/** Calls the API from a browser context with a bearer token, as scripts and tests do. */
export function bearerApi(rig: BrowserRig, context: BrowserContext, accessToken: string): SignedIn['api'] {
  return async (method, path, body) => {
    const response = await context.request.fetch(`${rig.runtime.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}` },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    return { status: response.status(), body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
}

/** Connects a Sandbox account (no credentials needed) and returns its id. */
export async function connectSandbox(person: SignedIn, handle: string): Promise<string> {
  const connected = await person.api('POST', '/social-accounts/connect', {
    platform: 'sandbox',
    identifier: handle,
  });
  expect(connected.status).toBe(201);
  return (connected.body.account as { id: string }).id;
}
