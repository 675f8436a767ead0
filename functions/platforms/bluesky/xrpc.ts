import type { z } from 'zod';
import { readPlatformBody } from '../read-body';
import { platformRequest, type PlatformResponse } from '../platform-http';
import { blueskyError } from './errors';
import type { BlueskyRuntime } from './runtime';

export interface XrpcCall {
  method: 'GET' | 'POST';
  /** Origin of the service: the account's PDS, the entryway, the AppView or the video service. */
  base: string;
  nsid: string;
  params?: Record<string, string | string[] | undefined>;
  /** A plain object is sent as JSON; bytes (a Blob) as is, with `contentType`. */
  body?: unknown;
  contentType?: string;
  token?: string;
  creates?: boolean;
  timeoutMs?: number;
  /** Words completing "Bluesky could not ..." in error messages. */
  action: string;
}

export function xrpcUrl(base: string, nsid: string, params: XrpcCall['params'] = {}): string {
  const url = new URL(`/xrpc/${nsid}`, base);
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      url.searchParams.append(key, item);
    }
  }
  return url.toString();
}

/** One XRPC call (https://atproto.com/specs/xrpc); any non-2xx answer becomes a mapped `PlatformError`. */
export async function xrpc<T = unknown>(
  runtime: BlueskyRuntime,
  call: XrpcCall,
): Promise<PlatformResponse<T>> {
  const headers: Record<string, string> = {};
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (call.contentType) headers['content-type'] = call.contentType;
  const response = await platformRequest<T>(runtime.context, 'bluesky', {
    method: call.method,
    url: xrpcUrl(call.base, call.nsid, call.params),
    headers,
    body: call.body,
    creates: call.creates,
    timeoutMs: call.timeoutMs,
  });
  if (response.status < 200 || response.status > 299) {
    throw blueskyError(response, call.action, runtime.context.clock.now(), { creates: call.creates });
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
  return readPlatformBody(schema, response, { network: 'Bluesky', action, creates: options.creates });
}
