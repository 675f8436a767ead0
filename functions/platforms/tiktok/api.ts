import { PlatformError, type ConnectorContext } from '../connector';
import { platformRequest, type PlatformRequest, type PlatformResponse } from '../platform-http';
import { tiktokError, errorCode, type TikTokEnvelope } from './errors';
import { parseJsonKeepingBigIntegers } from './json';

/**
 * `video.publish` posts (Direct Post, videos and photos); `video.list` reads metrics;
 * `user.info.profile` gives the username for post URLs.
 */
export const TIKTOK_DEFAULT_SCOPES = [
  'user.info.basic',
  'user.info.profile',
  'video.publish',
  'video.list',
] as const;

export const TIKTOK_DEFAULT_ENDPOINTS = {
  /** Content Posting, Display and OAuth token APIs. */
  api: 'https://open.tiktokapis.com',
  /** The authorization page users are sent to. */
  auth: 'https://www.tiktok.com',
} as const;

/** Tuning for tests and deployments; every field has a production default. */
export interface TikTokConnectorOptions {
  scopes?: readonly string[];
  sleep?: (ms: number) => Promise<void>;
  /** The status endpoint allows 30 calls a minute per token: 5 s keeps well under it. */
  statusPollIntervalMs?: number;
  statusPollAttempts?: number;
  /** Files up to this size go in one chunk (TikTok: at most 64 MB per chunk). */
  singleChunkMaxBytes?: number;
  /** Chunk size for larger files (TikTok: 5 to 64 MB). */
  chunkSizeBytes?: number;
}

export interface TikTokSettings {
  context: ConnectorContext;
  apiBase: string;
  authBase: string;
  scopes: readonly string[];
  sleep: (ms: number) => Promise<void>;
  statusPollIntervalMs: number;
  statusPollAttempts: number;
  singleChunkMaxBytes: number;
  chunkSizeBytes: number;
}

export function tiktokSettings(
  context: ConnectorContext,
  options: TikTokConnectorOptions = {},
): TikTokSettings {
  const trim = (url: string) => url.replace(/\/+$/, '');
  return {
    context,
    apiBase: trim(context.endpoints?.api ?? TIKTOK_DEFAULT_ENDPOINTS.api),
    authBase: trim(context.endpoints?.auth ?? TIKTOK_DEFAULT_ENDPOINTS.auth),
    scopes: options.scopes ?? TIKTOK_DEFAULT_SCOPES,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    statusPollIntervalMs: options.statusPollIntervalMs ?? 5_000,
    statusPollAttempts: options.statusPollAttempts ?? 60,
    singleChunkMaxBytes: options.singleChunkMaxBytes ?? 64 * 1024 * 1024,
    chunkSizeBytes: options.chunkSizeBytes ?? 32 * 1024 * 1024,
  };
}

export interface TikTokCall {
  method: PlatformRequest['method'];
  url: string;
  accessToken?: string;
  /** JSON body (sent as `application/json; charset=UTF-8`) or a form. */
  json?: unknown;
  form?: URLSearchParams;
  creates?: boolean;
}

/** Raw call: the envelope parsed with big integers kept as strings. */
export async function tiktokRequest<T>(
  settings: TikTokSettings,
  call: TikTokCall,
): Promise<{ response: PlatformResponse; envelope: TikTokEnvelope<T> | undefined }> {
  const headers: Record<string, string> = {};
  if (call.accessToken) headers.authorization = `Bearer ${call.accessToken}`;
  if (call.json !== undefined || (call.method === 'POST' && !call.form))
    headers['content-type'] = 'application/json; charset=UTF-8';
  const response = await platformRequest<string>(settings.context, 'tiktok', {
    method: call.method,
    url: call.url,
    headers,
    body: call.form ?? (call.json === undefined ? undefined : JSON.stringify(call.json)),
    creates: call.creates,
    responseType: 'text',
  });
  let envelope: TikTokEnvelope<T> | undefined;
  try {
    envelope = parseJsonKeepingBigIntegers(response.body ?? '') as TikTokEnvelope<T> | undefined;
  } catch {
    envelope = undefined;
  }
  return { response, envelope };
}

/**
 * One API call that must succeed: returns `data` when the HTTP status is 2xx and the error code
 * is `ok` (or absent), else throws the mapped PlatformError.
 */
export async function tiktokCall<T>(settings: TikTokSettings, action: string, call: TikTokCall): Promise<T> {
  const { response, envelope } = await tiktokRequest<T>(settings, call);
  const code = errorCode(envelope);
  const ok = response.status >= 200 && response.status < 300 && (code === undefined || code === 'ok');
  if (!ok)
    throw tiktokError(response, envelope, action, settings.context.clock.now(), { creates: call.creates });
  if (envelope?.data === undefined) {
    // A create that answered 2xx without its id: the post may exist, so it is not retried.
    const kind = call.creates ? 'unknown_outcome' : 'transient';
    throw new PlatformError(kind, `TikTok: unexpected answer while ${action}`, { status: response.status });
  }
  return envelope.data;
}
