import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../functions/adapters/local';
import { withCallDeadline } from '../../functions/platforms/call-deadline';
import { PlatformError } from '../../functions/platforms/connector';
import { platformRequest } from '../../functions/platforms/platform-http';
import { connectorContext } from '../../functions/platforms/registry';
import { captureLogger } from '../support/logger';

/** A network that accepts requests and never answers. */
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/2/tweets`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const context = () =>
  connectorContext({ clock: new ManualClock('2026-01-01T00:00:00Z'), logger: captureLogger() });

describe('withCallDeadline', () => {
  it('aborts the connector’s requests at the deadline; the connector’s own reading of it stands', async () => {
    const started = Date.now();
    const error = await withCallDeadline(
      150,
      // The request's own timeout is far longer: only the deadline can stop it.
      () =>
        platformRequest(context(), 'twitter', {
          method: 'POST',
          url,
          body: { text: 'hi' },
          creates: true,
          timeoutMs: 60_000,
        }),
      { description: 'X' },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error).toBeInstanceOf(PlatformError);
    // A create that was sent: its outcome is unknown, as platformRequest says.
    expect((error as PlatformError).kind).toBe('unknown_outcome');
  });

  it('a request that had not created anything yet stays a safe, transient failure', async () => {
    const error = await withCallDeadline(
      100,
      () => platformRequest(context(), 'twitter', { method: 'GET', url, timeoutMs: 60_000 }),
      { description: 'X' },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as PlatformError).kind).toBe('transient');
  });

  it('declares the outcome unknown when the call ignores the abort, and hands over a late result', async () => {
    let late: unknown;
    const error = await withCallDeadline(
      50,
      () => new Promise((resolve) => setTimeout(() => resolve('posted'), 400)),
      { description: 'Slow network', graceMs: 100, onLateResult: (result) => (late = result) },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'unknown_outcome' });
    expect((error as Error).message).toContain('Slow network');
    await expect.poll(() => late, { timeout: 2_000 }).toBe('posted');
  });

  it('returns an answer that comes in time and leaves requests outside a call alone', async () => {
    await expect(withCallDeadline(1_000, async () => 'ok', { description: 'X' })).resolves.toBe('ok');
    const outside = await platformRequest(context(), 'twitter', { method: 'GET', url, timeoutMs: 200 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((outside as PlatformError).message).toContain('no answer within 200 ms');
  });
});
