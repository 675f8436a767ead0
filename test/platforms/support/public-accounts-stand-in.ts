import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a stand-in received it; tests assert on these (they are the contract). */
export interface PublicRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export type Route = (request: PublicRequest, response: ServerResponse) => void;

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/**
 * A loopback HTTP server answering GETs through `route`, recording each request: the base of the
 * public-read stand-ins (Mastodon's public API, Bluesky's AppView, Instagram Business Discovery).
 */
export async function startPublicServer(route: Route): Promise<{
  url: string;
  requests: PublicRequest[];
  close(): Promise<void>;
}> {
  const requests: PublicRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(request);
    req.resume();
    req.on('end', () => route(request, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
