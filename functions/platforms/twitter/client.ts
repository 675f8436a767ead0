import type { z } from 'zod';
import type { ConnectorContext } from '../connector';
import { readPlatformBody } from '../read-body';
import { platformRequest, type PlatformRequest, type PlatformResponse } from '../platform-http';
import { twitterError } from './errors';
import { PostingQuotaTracker } from './rate-limits';

export type Sleep = (ms: number) => Promise<void>;

export interface TwitterConnectorOptions {
  /** Waits between media-processing polls; tests inject one that returns at once. */
  sleep?: Sleep;
  /** How long to wait for a video or GIF to finish processing before giving up (retryable). */
  mediaProcessingTimeoutMs?: number;
  /** Bytes per APPEND; X accepts up to 5 MB per chunk. */
  chunkBytes?: number;
}

export interface TwitterRuntime {
  context: ConnectorContext;
  sleep: Sleep;
  mediaProcessingTimeoutMs: number;
  chunkBytes: number;
  /** `https://api.x.com` unless `context.endpoints.api` points elsewhere (tests, proxies). */
  apiBase: string;
  /** Host of the user-facing authorization page. */
  authBase: string;
  quotas: PostingQuotaTracker;
}

export function createRuntime(
  context: ConnectorContext,
  options: TwitterConnectorOptions = {},
): TwitterRuntime {
  return {
    context,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    mediaProcessingTimeoutMs: options.mediaProcessingTimeoutMs ?? 5 * 60_000,
    chunkBytes: options.chunkBytes ?? 4 * 1024 * 1024,
    apiBase: (context.endpoints?.api ?? 'https://api.x.com').replace(/\/$/, ''),
    authBase: (context.endpoints?.auth ?? 'https://x.com').replace(/\/$/, ''),
    quotas: new PostingQuotaTracker(),
  };
}

export interface TwitterCall extends Omit<PlatformRequest, 'url'> {
  /** Path and query under the API host, e.g. `/2/tweets`. */
  path: string;
  accessToken?: string;
  /** Words completing "X could not ..." in error messages. */
  action: string;
}

/** One call to the X API; any non-2xx answer becomes a mapped `PlatformError`. */
export async function twitterCall<T = unknown>(
  runtime: TwitterRuntime,
  call: TwitterCall,
): Promise<PlatformResponse<T>> {
  const { path, accessToken, action, ...request } = call;
  const headers: Record<string, string> = { ...request.headers };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const response = await platformRequest<T>(runtime.context, 'twitter', {
    ...request,
    url: `${runtime.apiBase}${path}`,
    headers,
  });
  if (response.status < 200 || response.status > 299) {
    throw twitterError(response, action, runtime.context.clock.now(), { creates: request.creates });
  }
  return response;
}

/** Reads a 2xx body (`readPlatformBody`): an unreadable answer to a call that created something is `unknown_outcome`. */
export function readBody<S extends z.ZodType>(
  schema: S,
  response: PlatformResponse,
  action: string,
  options: { creates?: boolean } = {},
): z.infer<S> {
  return readPlatformBody(schema, response, {
    network: 'X',
    action,
    answer: 'the answer',
    creates: options.creates,
  });
}
