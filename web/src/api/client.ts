import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { AccessTokenStore } from './access-token';
import { isAbortError, networkProblem, toApiProblem } from './problem';
import type { paths } from './schema.gen';

/** The typed API client; paths are relative to `RuntimeConfig.apiUrl` (`api.GET('/health')`). */
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Absolute base URL, normally `RuntimeConfig.apiUrl`. */
  baseUrl: string;
  tokens: AccessTokenStore;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
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

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((request: Request) => globalThis.fetch(request));
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
