import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (request: SeenRequest) => Reply | Promise<Reply>;

/**
 * A real HTTP server standing in for the API: each `METHOD /path` answers through a script
 * the test sets, and every request is recorded. Real fetch, real Request/Response objects.
 */
export class ScriptedServer {
  readonly seen: SeenRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private server: Server | undefined;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const seen: SeenRequest = {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.seen.push(seen);
        const route = this.routes.get(`${seen.method} ${seen.url}`);
        Promise.resolve(
          route ? route(seen) : { status: 404, body: { status: 404, code: 'not_found', title: 'Not found' } },
        )
          .then((reply) => {
            const isJson = reply.body !== undefined;
            const contentType = reply.status >= 400 ? 'application/problem+json' : 'application/json';
            response
              .writeHead(reply.status, {
                ...(isJson ? { 'content-type': contentType } : {}),
                ...reply.headers,
              })
              .end(isJson ? JSON.stringify(reply.body) : undefined);
          })
          .catch((error: unknown) => response.writeHead(500).end(String(error)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  on(key: string, route: Route | Reply): void {
    this.routes.set(key, typeof route === 'function' ? route : () => route);
  }

  reset(): void {
    this.seen.length = 0;
    this.routes.clear();
  }

  requests(key: string): SeenRequest[] {
    return this.seen.filter((request) => `${request.method} ${request.url}` === key);
  }
}

/** A promise the test resolves when it chooses: lets two requests overlap on purpose. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}
