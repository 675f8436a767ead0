import type { ApiClient } from '../api/client';
import { toApiProblem } from '../api/problem';
import type { TicketResult } from './socket';

/** What the dashboard says while the server cannot give it a ticket. */
export const UNAVAILABLE_REASONS = {
  notBuilt: 'This server does not offer live updates yet.',
  signedOut: 'Sign in to receive live updates.',
} as const;

/**
 * Asks the HTTP API for a single-use WebSocket ticket. "Not implemented" (501) and "not
 * signed in" (401/403) are answers, not failures: the socket waits quietly instead of
 * retrying fast. Anything else unexpected throws, and the socket backs off.
 */
export async function fetchWebSocketTicket(api: ApiClient): Promise<TicketResult> {
  const { data, error, response } = await api.POST('/auth/ws-ticket');
  if (response.status === 501) return { unavailable: UNAVAILABLE_REASONS.notBuilt };
  if (response.status === 401 || response.status === 403) {
    return { unavailable: UNAVAILABLE_REASONS.signedOut };
  }
  if (!response.ok) throw toApiProblem(error, response);
  const ticket: unknown = (data as { ticket?: unknown } | undefined)?.ticket;
  if (typeof ticket !== 'string' || ticket.length === 0) {
    throw new Error('POST /auth/ws-ticket answered without a ticket.');
  }
  return { ticket };
}
