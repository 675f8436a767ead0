import type { ConnectorContext } from '../connector';

/**
 * Threads API hosts (graph.threads.com serves the same API). `context.endpoints` overrides
 * any of these.
 */
export const THREADS_ENDPOINTS = {
  api: 'https://graph.threads.net/v1.0',
  /** Unversioned token endpoints: `/oauth/access_token`, `/access_token`, `/refresh_access_token`. */
  graph: 'https://graph.threads.net',
  authorize: 'https://threads.net/oauth/authorize',
};

export type ThreadsEndpoints = typeof THREADS_ENDPOINTS;

export function threadsEndpoints(context: ConnectorContext): ThreadsEndpoints {
  return { ...THREADS_ENDPOINTS, ...context.endpoints };
}
