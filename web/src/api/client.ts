import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { AccessTokenStore } from './access-token';
import { isAbortError, networkProblem, toApiProblem } from './problem';
import { isPublicApiPath } from './public-routes';
import type { paths } from './schema.gen';

/** The typed API client; paths are relative to `RuntimeConfig.apiUrl` (`api.GET('/health')`). */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Absolute base URL, normally `RuntimeConfig.apiUrl`. */
  baseUrl: string;
  tokens: AccessTokenStore;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * Called when a request that carried `usedToken` is refused with 401: resolves to a token
   * worth one retry (refreshed, or already replaced by a concurrent refresh), or null.
   */
  recoverToken?: (usedToken: string) => Promise<string | null>;
}

/** Adds `Authorization: Bearer …` while the auth module holds an access token. */
function bearerToken(tokens: AccessTokenStore): Middleware {
  return {
    onRequest({ request }) {
      const token = tokens.get();
      if (token && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${token}`);
      }
      return request;
    },
  };
}

const BEARER = /^Bearer (.+)$/;

/**
 * An access token can expire between the scheduled refreshes (a laptop waking from sleep).
 * A 401 on a request that carried one is answered once: get a fresh token, send the same
 * request again. Public routes are left alone (their 401 means "wrong password").
 */
function retryingOnce(
  fetchImpl: (request: Request) => Promise<Response>,
  recoverToken: ((usedToken: string) => Promise<string | null>) | undefined,
): (request: Request) => Promise<Response> {
  if (!recoverToken) return fetchImpl;
  return async (request) => {
    const usedToken = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!usedToken || isPublicApiPath(new URL(request.url).pathname)) return fetchImpl(request);
    // The body can be read once; keep a copy for the retry before sending.
    const retry = request.clone();
    const response = await fetchImpl(request);
    if (response.status !== 401) return response;
    const token = await recoverToken(usedToken);
    if (!token) return response;
    retry.headers.set('authorization', `Bearer ${token}`);
    return fetchImpl(retry);
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = retryingOnce(
    options.fetch ?? ((request: Request) => globalThis.fetch(request)),
    options.recoverToken,
  );
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    // Sends the refresh cookie; same-origin behind CloudFront, CORS with credentials otherwise.
    credentials: 'include',
    headers: { accept: 'application/json' },
    fetch: fetchImpl,
  });
  client.use(bearerToken(options.tokens));
  return client;
}

/** What every openapi-fetch call resolves to, reduced to the parts `unwrap` reads. */
interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an `ApiProblem` for an
 * error response or a request that never completed. TanStack Query query functions use
 * this so every failure a page sees has the same shape.
 */
export async function unwrap<Data>(call: Promise<FetchResult<Data>>): Promise<Data> {
  let result: FetchResult<Data>;
  try {
    result = await call;
  } catch (error) {
    throw isAbortError(error) ? error : networkProblem(error);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiProblem(result.error, result.response);
  }
  return result.data as Data;
}
