import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenStore } from '../../web/src/api/access-token';
import { createApiClient, unwrap } from '../../web/src/api/client';
import { fetchHealth } from '../../web/src/api/health';
import { ApiProblem } from '../../web/src/api/problem';
import { shouldRetry } from '../../web/src/api/query-client';
import { fetchWebSocketTicket, UNAVAILABLE_REASONS } from '../../web/src/realtime/ticket';

interface Reply {
  status: number;
  contentType?: string;
  body: string;
}

/** A real HTTP server standing in for the API: it records requests and answers as told. */
let server: Server;
let baseUrl: string;
const seen: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
const replies = new Map<string, Reply>();

const json = (status: number, body: unknown, contentType = 'application/json'): Reply => ({
  status,
  contentType,
  body: JSON.stringify(body),
});

const health = {
  status: 'ok',
  version: '0.1.0',
  time: '2026-01-01T00:00:00.000Z',
  database: { ok: true, latencyMs: 1.2 },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    const reply = replies.get(`${request.method} ${request.url}`) ?? json(404, { code: 'not_found' });
    response
      .writeHead(reply.status, reply.contentType ? { 'content-type': reply.contentType } : {})
      .end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  replies.clear();
});

describe('createApiClient', () => {
  it('calls paths relative to apiUrl, without a token while nobody is signed in', async () => {
    replies.set('GET /api/health', json(200, health));
    const api = createApiClient({ baseUrl, tokens: createAccessTokenStore() });
    await expect(unwrap(api.GET('/health'))).resolves.toEqual(health);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/api/health');
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers.accept).toBe('application/json');
  });

  it('sends the in-memory access token as a bearer token, and stops when it is cleared', async () => {
    replies.set('GET /api/health', json(200, health));
    const tokens = createAccessTokenStore();
    const api = createApiClient({ baseUrl, tokens });
    tokens.set('token-abc');
    await unwrap(api.GET('/health'));
    tokens.set(null);
    await unwrap(api.GET('/health'));
    expect(seen.map((request) => request.headers.authorization)).toEqual(['Bearer token-abc', undefined]);
  });
});

describe('unwrap', () => {
  it('turns an RFC 9457 problem into a typed ApiProblem with its field errors', async () => {
    replies.set(
      'GET /api/health',
      json(
        400,
        {
          type: 'https://plume.dev/problems/validation-failed',
          title: 'Your request has invalid fields',
          status: 400,
          code: 'validation_failed',
          detail: 'Fix the highlighted fields.',
          errors: [{ field: 'query.limit', message: 'Too big' }, { bogus: true }],
          instance: '/api/health',
          requestId: 'req-1',
        },
        'application/problem+json',
      ),
    );
    const api = createApiClient({ baseUrl, tokens: createAccessTokenStore() });
    const problem = await unwrap(api.GET('/health')).catch((error: unknown) => error);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({
      type: 'https://plume.dev/problems/validation-failed',
      title: 'Your request has invalid fields',
      status: 400,
      code: 'validation_failed',
      detail: 'Fix the highlighted fields.',
      errors: [{ field: 'query.limit', message: 'Too big' }],
      instance: '/api/health',
      requestId: 'req-1',
      message: 'Fix the highlighted fields.',
    });
    expect((problem as ApiProblem).fieldError('query.limit')).toBe('Too big');
    expect((problem as ApiProblem).isClientError).toBe(true);
  });

  it('still produces an ApiProblem when a gateway answers with HTML', async () => {
    replies.set('GET /api/health', {
      status: 502,
      contentType: 'text/html',
      body: '<html>Bad gateway</html>',
    });
    const api = createApiClient({ baseUrl, tokens: createAccessTokenStore() });
    const problem = (await unwrap(api.GET('/health')).catch((error: unknown) => error)) as ApiProblem;
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({
      status: 502,
      code: 'service_unavailable',
      type: 'about:blank',
      errors: [],
    });
    expect(problem.isClientError).toBe(false);
  });

  it('reports a request that never got an answer as status 0, code network_error', async () => {
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:1/api', tokens: createAccessTokenStore() });
    const problem = (await unwrap(api.GET('/health')).catch((error: unknown) => error)) as ApiProblem;
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 0, code: 'network_error' });
    expect(problem.cause).toBeInstanceOf(Error);
  });
});

describe('fetchHealth', () => {
  it('returns the body of a 503: a degraded database is a result to show', async () => {
    const degraded = {
      ...health,
      status: 'degraded',
      database: { ok: false, error: 'database unreachable' },
    };
    replies.set('GET /api/health', json(503, degraded));
    const api = createApiClient({ baseUrl, tokens: createAccessTokenStore() });
    await expect(fetchHealth(api)).resolves.toEqual(degraded);
  });

  it('throws an ApiProblem for any other failure', async () => {
    replies.set(
      'GET /api/health',
      json(500, { title: 'Internal server error', status: 500, code: 'internal_error' }),
    );
    const api = createApiClient({ baseUrl, tokens: createAccessTokenStore() });
    await expect(fetchHealth(api)).rejects.toMatchObject({ status: 500, code: 'internal_error' });
  });
});

describe('fetchWebSocketTicket', () => {
  const api = () => createApiClient({ baseUrl, tokens: createAccessTokenStore() });

  it('returns the ticket', async () => {
    replies.set('POST /api/auth/ws-ticket', json(200, { ticket: 'abc', expiresAt: '2026-01-01T00:01:00Z' }));
    await expect(fetchWebSocketTicket(api())).resolves.toEqual({ ticket: 'abc' });
  });

  it('reads 501 (not built) and 401 (signed out) as "unavailable", not as failures', async () => {
    replies.set('POST /api/auth/ws-ticket', json(501, { status: 501, code: 'not_implemented' }));
    await expect(fetchWebSocketTicket(api())).resolves.toEqual({ unavailable: UNAVAILABLE_REASONS.notBuilt });
    replies.set('POST /api/auth/ws-ticket', json(401, { status: 401, code: 'unauthorized' }));
    await expect(fetchWebSocketTicket(api())).resolves.toEqual({
      unavailable: UNAVAILABLE_REASONS.signedOut,
    });
  });

  it('throws for a server error or an answer without a ticket, so the socket backs off', async () => {
    replies.set('POST /api/auth/ws-ticket', json(503, { status: 503, code: 'service_unavailable' }));
    await expect(fetchWebSocketTicket(api())).rejects.toBeInstanceOf(ApiProblem);
    replies.set('POST /api/auth/ws-ticket', json(200, {}));
    await expect(fetchWebSocketTicket(api())).rejects.toThrow(/without a ticket/);
  });
});

describe('shouldRetry (TanStack Query)', () => {
  const problem = (status: number) => new ApiProblem({ title: 't', status, code: 'c' });

  it('retries network errors and 5xx twice, 408 and 429 too, other 4xx never', () => {
    expect([0, 1, 2].map((count) => shouldRetry(count, problem(0)))).toEqual([true, true, false]);
    expect(shouldRetry(0, problem(503))).toBe(true);
    expect(shouldRetry(0, problem(429))).toBe(true);
    expect(shouldRetry(0, problem(408))).toBe(true);
    expect(shouldRetry(0, problem(404))).toBe(false);
    expect(shouldRetry(0, problem(403))).toBe(false);
    expect(shouldRetry(0, new Error('render bug'))).toBe(true);
  });
});
