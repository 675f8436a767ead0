import type { z } from 'zod';
import { PlatformError, type AccountCredentials, type ConnectorContext } from '../connector';
import { readPlatformBody } from '../read-body';
import { platformRequest, type PlatformRequest, type PlatformResponse } from '../platform-http';
import { mastodonError } from './errors';
import { normalizeInstanceUrl } from './instance-url';

export type Sleep = (ms: number) => Promise<void>;

export interface MastodonConnectorOptions {
  /** Waits between media-processing polls; tests inject one that returns at once. */
  sleep?: Sleep;
  /** Accept http:// and private-network instance addresses (tests and local development only). */
  allowPrivateInstances?: boolean;
  /** How long to wait for an uploaded video to finish processing before giving up (retryable). */
  mediaProcessingTimeoutMs?: number;
  /** Shown to the user on the instance's authorization page and next to each post. */
  clientName?: string;
  website?: string;
}

/** What every Mastodon call needs: the injected context and the resolved options. */
export interface MastodonRuntime {
  context: ConnectorContext;
  sleep: Sleep;
  allowPrivateInstances: boolean;
  mediaProcessingTimeoutMs: number;
  clientName: string;
  website?: string;
}

export function createRuntime(
  context: ConnectorContext,
  options: MastodonConnectorOptions = {},
): MastodonRuntime {
  return {
    context,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    allowPrivateInstances: options.allowPrivateInstances ?? false,
    mediaProcessingTimeoutMs: options.mediaProcessingTimeoutMs ?? 5 * 60_000,
    clientName: options.clientName ?? 'Plume',
    website: options.website,
  };
}

export function instanceOf(runtime: MastodonRuntime, serviceUrl: string | undefined): string {
  return normalizeInstanceUrl(serviceUrl, { allowPrivate: runtime.allowPrivateInstances });
}

export function accountInstance(runtime: MastodonRuntime, credentials: AccountCredentials): string {
  if (!credentials.serviceUrl) {
    throw new PlatformError('auth', 'Mastodon: the account has no server address; connect it again');
  }
  return instanceOf(runtime, credentials.serviceUrl);
}

export interface MastodonCall extends Omit<PlatformRequest, 'url'> {
  instance: string;
  path: string;
  accessToken?: string;
  /** Words completing "Mastodon could not ..." in error messages. */
  action: string;
}

/** One call to an instance; any non-2xx answer becomes a mapped `PlatformError`. */
export async function mastodonCall<T = unknown>(
  runtime: MastodonRuntime,
  call: MastodonCall,
): Promise<PlatformResponse<T>> {
  const { instance, path, accessToken, action, ...request } = call;
  const headers: Record<string, string> = { ...request.headers };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const response = await platformRequest<T>(runtime.context, 'mastodon', {
    ...request,
    url: `${instance}${path}`,
    headers,
  });
  if (response.status < 200 || response.status > 299) {
    throw mastodonError(response, action, runtime.context.clock.now(), { creates: request.creates });
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
  return readPlatformBody(schema, response, { network: 'Mastodon', action, creates: options.creates });
}
