import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { ConnectorContext } from '../../../functions/platforms/connector';
import { captureLogger } from '../../support/logger';

/** One request as the stand-in received it: the contract the connector is held to. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Form fields (urlencoded or the text parts of multipart). */
  form: Record<string, string>;
  files: Record<string, { name: string; type: string; bytes: Buffer }>;
}

export interface StandInReply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; a string as is (to write numbers JSON cannot hold); a Buffer as bytes. */
  body?: unknown;
  /** Answer this late (ms), to exceed the connector's timeout. */
  delayMs?: number;
}

export type Handler = (
  request: RecordedRequest,
  match: RegExpMatchArray,
) => StandInReply | Promise<StandInReply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A Graph API error body as Meta sends it. */
export function graphError(
  status: number,
  error: {
    message: string;
    code: number;
    error_subcode?: number;
    type?: string;
    error_user_msg?: string;
    is_transient?: boolean;
  },
  headers?: Record<string, string>,
): StandInReply {
  return { status, headers, body: { error: { type: 'OAuthException', fbtrace_id: 'AbCdEf123', ...error } } };
}

/** Graph answers an unknown or expired token with HTTP 400 and code 190, not 401. */
export const INVALID_TOKEN = graphError(400, {
  message: 'Error validating access token: Session has expired on Tuesday, 01-Jul-25 10:00:00 PDT.',
  code: 190,
  error_subcode: 463,
});

async function readForm(
  headers: IncomingHttpHeaders,
  raw: Buffer,
): Promise<Pick<RecordedRequest, 'form' | 'files'>> {
  const form: Record<string, string> = {};
  const files: RecordedRequest['files'] = {};
  const type = headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) form[key] = value;
  } else if (type.startsWith('multipart/form-data')) {
    const data = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [key, value] of data) {
      if (typeof value === 'string') form[key] = value;
      else files[key] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
    }
  }
  return { form, files };
}

function send(response: ServerResponse, reply: StandInReply): void {
  if (Buffer.isBuffer(reply.body)) {
    response.writeHead(reply.status ?? 200, {
      'content-length': String(reply.body.length),
      ...reply.headers,
    });
    response.end(reply.body);
    return;
  }
  const isText = typeof reply.body === 'string';
  const payload =
    reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  response.writeHead(reply.status ?? 200, {
    ...(payload ? { 'content-type': 'application/json; charset=UTF-8' } : {}),
    ...reply.headers,
  });
  response.end(payload);
}

/**
 * A local HTTP server playing a Meta Graph host: routes by method + path pattern, records
 * every request, and can be told to answer the next matching call differently (an error, a
 * slow answer) before falling back to the documented behaviour.
 */
export class GraphStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly overrides: (Route & { times: number })[] = [];
  private server: Server | undefined;
  baseUrl = '';

  route(method: string, pattern: RegExp, handler: Handler): this {
    this.routes.push({ method, pattern, handler });
    return this;
  }

  /** Answer the next `times` calls matching method + pattern with `reply` (or a handler). */
  failNext(method: string, pattern: RegExp, reply: StandInReply | Handler, times = 1): void {
    const handler: Handler = typeof reply === 'function' ? reply : () => reply;
    this.overrides.push({ method, pattern, handler, times });
  }

  /** Requests whose method and path match, in order. */
  calls(method: string, pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && pattern.test(request.path));
  }

  async start(): Promise<string> {
    this.server = createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        void this.handle(
          incoming.method ?? 'GET',
          incoming.url ?? '/',
          incoming.headers,
          Buffer.concat(chunks),
          response,
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    raw: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    const url = new URL(rawUrl, 'http://stand-in');
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      ...(await readForm(headers, raw)),
    };
    this.requests.push(request);
    const override = this.overrides.find(
      (route) => route.method === method && route.pattern.test(request.path),
    );
    const route =
      override ??
      this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(request.path));
    if (override && (override.times -= 1) <= 0) this.overrides.splice(this.overrides.indexOf(override), 1);
    let reply: StandInReply;
    try {
      reply = route
        ? await route.handler(request, request.path.match(route.pattern)!)
        : graphError(400, {
            message: `Unsupported ${method.toLowerCase()} request.`,
            code: 100,
            error_subcode: 33,
          });
    } catch (error) {
      reply = { status: 500, body: { error: { message: String(error), code: 1 } } };
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (!response.destroyed) send(response, reply);
  }
}

/** Whether the request carried `Authorization: Bearer <token>`. */
export function bearer(request: RecordedRequest): string | undefined {
  const value = request.headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}

export interface MetaTestContext {
  context: ConnectorContext;
  clock: ManualClock;
  logger: ReturnType<typeof captureLogger>;
  /** Sleeps recorded by the injected sleep, which advances the clock instead of waiting. */
  sleeps: number[];
  sleep: (ms: number) => Promise<void>;
}

/**
 * Per-request timeouts: generous by default (a loaded CI machine can be slow on the first
 * request of a process), short in the tests that make the stand-in answer too late.
 */
export const DEFAULT_TIMEOUT_MS = 5_000;
export const TEST_TIMEOUT_MS = 700;
/** How late the stand-in answers when a test wants the connector to give up. */
export const TOO_LATE_MS = TEST_TIMEOUT_MS + 300;

export function metaTestContext(endpoints: Record<string, string>): MetaTestContext {
  const clock = new ManualClock('2025-06-01T12:00:00.000Z');
  const logger = captureLogger();
  const sleeps: number[] = [];
  return {
    clock,
    logger,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    context: { fetch: globalThis.fetch, clock, logger, endpoints, timeoutMs: DEFAULT_TIMEOUT_MS },
  };
}
