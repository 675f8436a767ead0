import { QueryClient } from '@tanstack/react-query';
import { isApiProblem } from './problem';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * The answer does not depend on who is signed in (health, an invitation preview): it
       * survives a change of user or organization instead of being refetched.
       */
      public?: boolean;
    };
  }
}

/** `meta` for a query whose answer is the same for everyone. */
export const PUBLIC_QUERY = { public: true } as const;

const MAX_RETRIES = 2;

/** Retrying cannot fix a 4xx (except 408/429); network errors and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !(isApiProblem(error) && error.isClientError);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live changes arrive over the WebSocket and invalidate queries; polling is not needed.
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1_000 * 2 ** attempt, 10_000),
        refetchOnWindowFocus: true,
      },
      mutations: {
        // A write is never repeated behind the user's back; the page offers a retry.
        retry: false,
      },
    },
  });
}
