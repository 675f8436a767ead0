import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createServer as createHttp2Server,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type Http2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

/**
 * What the two model stand-ins share: body reading, a listening server, and a delay a client
 * can walk away from. The Anthropic API is served over HTTP/1.1 (what its SDK's fetch speaks);
 * Bedrock Runtime over HTTP/2, because its SDK client only speaks HTTP/2 (NodeHttp2Handler),
 * as the real endpoint does (here cleartext h2c with prior knowledge, since there is no TLS).
 */
export type StandInRequest = IncomingMessage | Http2ServerRequest;
export type StandInResponse = ServerResponse | Http2ServerResponse;

export function readBody(request: StandInRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(
  handle: (request: StandInRequest, response: StandInResponse) => Promise<void>,
  options: { port?: number; http2?: boolean } = {},
): Promise<Listening> {
  const onRequest = (request: StandInRequest, response: StandInResponse) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent && !isGone(response)) sendText(response, 500, String(error));
    });
  };
  if (options.http2) {
    const server = createHttp2Server(onRequest);
    const sessions = new Set<Http2Session>();
    server.on('session', (session: Http2Session) => {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
    });
    const url = await bind(server, options.port);
    return {
      url,
      close: () =>
        new Promise((resolve) => {
          for (const session of sessions) session.destroy();
          server.close(() => resolve());
        }),
    };
  }
  const server = createServer(onRequest);
  // Keep-alive as the SDKs use it, so the benchmark measures a warm connection like production.
  server.keepAliveTimeout = 60_000;
  const url = await bind(server, options.port);
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function bind(
  server: { listen(port: number, host: string, done: () => void): unknown; address(): unknown },
  port = 0,
): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The client hung up (an aborted attempt): there is nobody to answer. */
function isGone(response: StandInResponse): boolean {
  return 'stream' in response ? response.stream.destroyed : response.destroyed;
}

/** Waits `ms`, or less when the client closes the connection first. */
export function waitUnlessGone(response: StandInResponse, ms: number): Promise<'waited' | 'gone'> {
  if (ms <= 0) return Promise.resolve(isGone(response) ? 'gone' : 'waited');
  return new Promise((resolve) => {
    const gone = () => {
      clearTimeout(timer);
      resolve('gone');
    };
    const timer = setTimeout(() => {
      response.off('close', gone);
      resolve(isGone(response) ? 'gone' : 'waited');
    }, ms);
    response.once('close', gone);
  });
}

function send(
  response: StandInResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  if (isGone(response)) return;
  const all = { 'content-length': String(Buffer.byteLength(body)), ...headers };
  if ('stream' in response) response.writeHead(status, all).end(body);
  else response.writeHead(status, all).end(body);
}

function sendText(response: StandInResponse, status: number, text: string): void {
  send(response, status, text, { 'content-type': 'text/plain' });
}

export function sendJson(
  response: StandInResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

/** About four characters per token: deterministic counts for usage and cost assertions. */
export function roughTokens(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
  return Math.max(1, Math.ceil(text.length / 4));
}
