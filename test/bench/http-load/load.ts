import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { percentileOfSorted, round2 } from '../stats';

const ID_PLACEHOLDER = '[<id>]';

export interface LoadSettings {
  connections: number;
  durationSeconds: number;
}

/** What each request sends; the default is a plain GET of the URL. */
export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Every `[<id>]` in it is replaced by a fresh random id per request (unique content). */
  body?: string;
}

export interface LoadResult {
  /** Responses received (any status). */
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  /** Latency of 2xx responses, milliseconds. */
  latencyMs: { mean: number; p50: number; p90: number; p95: number; p99: number; max: number };
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/**
 * A fixed body, or one rebuilt per request when it holds `[<id>]`. Not autocannon's own
 * `idReplacement`: it sizes Content-Length for 33-character ids but inserts 24-character
 * ones, so the server waits for bytes that never come and POSTs measured 0 req/s.
 */
function bodyOptions(body: string | undefined): Partial<autocannon.Options> {
  if (body === undefined) return {};
  if (!body.includes(ID_PLACEHOLDER)) return { body };
  return {
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: body.replaceAll(ID_PLACEHOLDER, randomUUID()) }),
      },
    ],
  };
}

/**
 * One autocannon run against `url`. autocannon's own histogram has no p95, so latencies of
 * 2xx responses are also collected from its `response` events and ranked exactly here.
 */
export async function runLoad(
  url: string,
  settings: LoadSettings,
  request: LoadRequest = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: settings.connections,
        duration: settings.durationSeconds,
        timeout: 10,
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
        ...bodyOptions(request.body),
      },
      (error: unknown, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN;
  const requests = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    requests,
    durationSeconds: result.duration,
    requestsPerSecond: round2(requests / result.duration),
    latencyMs: {
      mean: round2(mean),
      p50: round2(percentileOfSorted(sorted, 50)),
      p90: round2(percentileOfSorted(sorted, 90)),
      p95: round2(percentileOfSorted(sorted, 95)),
      p99: round2(percentileOfSorted(sorted, 99)),
      max: round2(sorted[sorted.length - 1] ?? Number.NaN),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats?.count ?? 0]),
    ),
  };
}
