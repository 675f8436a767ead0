import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { issueWebSocketTicket } from '../../functions/core/realtime/websocket-tickets';
import { startLocalRuntime, type LocalRuntime } from '../../functions/local/runtime';
import { ROUTES } from '../../functions/shared/route-table';
import { MAX_HEADER_BYTES, MAX_REQUEST_BYTES } from '../../functions/local/http-limits';
import { ContractRecorder } from '../support/openapi-contract';

/** Sends raw bytes and never more; resolves with what came back once the server closes. */
function rawExchange(port: number, payload: string): Promise<{ text: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () =>
      resolve({ text: Buffer.concat(chunks).toString('utf8'), elapsedMs: Date.now() - started }),
    );
    socket.on('error', reject);
    socket.setTimeout(20_000, () => socket.destroy(new Error('the server never answered')));
  });
}

// The whole local runtime in-process on a random port: PGlite (or DATABASE_URL), real HTTP,
// real WebSocket, the same handlers Lambda runs.
describe('local runtime', () => {
  let runtime: LocalRuntime;
  let dataDir: string;
  const contract = new ContractRecorder();

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'plume-runtime-'));
    const webDist = join(dataDir, 'web');
    await mkdir(join(webDist, 'assets'), { recursive: true });
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Plume</title><div id="root"></div>');
    await writeFile(join(webDist, 'assets', 'app-abc123.js'), 'console.log(1)');
    runtime = await startLocalRuntime({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      webDist,
      databaseUrl: process.env.DATABASE_URL,
      // Short, so that the stalled-request tests take a few seconds (defaults: 10 s and 30 s).
      httpLimits: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 },
      onApiResponse: contract.onApiResponse,
    });
  });

  afterAll(async () => {
    await runtime?.stop();
    await rm(dataDir, { recursive: true, force: true });
    contract.assertClean();
  });

  it('answers /api/health with the database reachable', async () => {
    const response = await fetch(`${runtime.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('serves an OpenAPI document listing every route and a browsable reference', async () => {
    const document = (await (await fetch(`${runtime.url}/api/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const count = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(count).toBe(ROUTES.length);
    const docs = await fetch(`${runtime.url}/api/docs`);
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('id="getHealth"');
  });

  it('answers problem+json for unknown routes, wrong methods and routes not built yet', async () => {
    const unknown = await fetch(`${runtime.url}/api/does-not-exist`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
    const wrongMethod = await fetch(`${runtime.url}/api/health`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    // A route not built yet authenticates first (501 only to a caller allowed to use it).
    const later = await fetch(`${runtime.url}/api/analytics/overview`);
    expect(later.status).toBe(401);
    expect(later.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a body over 6 MB with 413 problem+json, not a reset, and stays up', async () => {
    const response = await fetch(`${runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `"${'x'.repeat(MAX_REQUEST_BYTES)}"`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
    // Streamed without a length, the same.
    const streamed = await fetch(`${runtime.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([new Uint8Array(MAX_REQUEST_BYTES + 1)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await fetch(`${runtime.url}/api/health`)).status).toBe(200);
  });

  it('answers headers over 10 KB with 431 problem+json', async () => {
    const response = await fetch(`${runtime.url}/api/health`, {
      headers: { 'x-long': 'x'.repeat(MAX_HEADER_BYTES) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'request_header_fields_too_large', status: 431 });
  });

  it('answers a stalled body and slow headers with 408 problem+json within the bound', async () => {
    const port = Number(new URL(runtime.url).port);
    const [stalled, slowHeaders] = await Promise.all([
      rawExchange(
        port,
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
      ),
      rawExchange(port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n'),
    ]);
    for (const { text, elapsedMs } of [stalled, slowHeaders]) {
      expect(text).toMatch(/^HTTP\/1\.1 408 /);
      expect(text).toContain('content-type: application/problem+json');
      expect(text).toContain('"code":"request_timeout"');
      expect(elapsedMs).toBeLessThan(5_000);
    }
  });

  it('serves the dashboard with SPA fallback and long-cached assets', async () => {
    const deepLink = await fetch(`${runtime.url}/calendar/week`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    const asset = await fetch(`${runtime.url}/assets/app-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${runtime.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${runtime.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(200);
    const config = await (await fetch(`${runtime.url}/config.json`)).json();
    expect(config).toMatchObject({ apiUrl: '/api', wsUrl: expect.stringMatching(/^ws:\/\/.+\/ws$/) });
  });

  it('refuses a WebSocket without a valid ticket', async () => {
    const socket = new WebSocket(
      `${runtime.url.replace('http', 'ws')}/ws?ticket=forged-forged-forged-forged-forg`,
    );
    const outcome = await new Promise<string>((resolve) => {
      socket.on('open', () => resolve('open'));
      socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      socket.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('401');
  });

  it('admits a ticket once, answers pings, and delivers organization broadcasts', async () => {
    const { kv, clock, realtime } = runtime.container;
    const holder = { userId: crypto.randomUUID(), organizationId: crypto.randomUUID() };
    const ticket = await issueWebSocketTicket(kv, clock, holder);
    const socket = new WebSocket(`${runtime.url.replace('http', 'ws')}/ws?ticket=${ticket}`);
    const messages: Array<{ type: string; data: unknown }> = [];
    socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    // $connect runs after the upgrade; wait until the connection is registered.
    await expect.poll(() => runtime.realtime.connectionCount()).toBeGreaterThan(0);
    socket.send(JSON.stringify({ action: 'ping' }));
    await expect.poll(() => messages.map((m) => m.type)).toContain('pong');
    expect(await realtime.broadcast(holder.organizationId, { type: 'hello', data: 1 })).toBe(1);
    expect(await realtime.broadcast(crypto.randomUUID(), { type: 'other-org', data: 1 })).toBe(0);
    await expect.poll(() => messages.map((m) => m.type)).toContain('hello');
    expect(messages.map((m) => m.type)).not.toContain('other-org');
    socket.close();
    await expect.poll(() => runtime.realtime.connectionCount()).toBe(0);

    const reused = new WebSocket(`${runtime.url.replace('http', 'ws')}/ws?ticket=${ticket}`);
    const second = await new Promise<string>((resolve) => {
      reused.on('open', () => resolve('open'));
      reused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    });
    expect(second).toBe('401');
  });
});
