import { randomBytes } from 'node:crypto';
import type { Clock, KeyValue } from '../ports';

/**
 * Browsers cannot set headers on a WebSocket handshake, and an access token in the URL
 * would land in logs. So the HTTP API issues a short-lived, single-use ticket and the
 * `$connect` authorizer redeems it.
 */
export interface TicketHolder {
  userId: string;
  organizationId: string;
}

export const WS_TICKET_TTL_SECONDS = 60;
const PARTITION = 'ws-ticket';

export async function issueWebSocketTicket(
  kv: KeyValue,
  clock: Clock,
  holder: TicketHolder,
): Promise<string> {
  const ticket = randomBytes(24).toString('base64url');
  const expiresAt = Math.floor(clock.now().getTime() / 1000) + WS_TICKET_TTL_SECONDS;
  await kv.put({ pk: PARTITION, sk: ticket, value: holder, expiresAt });
  return ticket;
}

/** Returns the holder once; a second redemption, an unknown or an expired ticket gives undefined. */
export async function redeemWebSocketTicket(kv: KeyValue, ticket: string): Promise<TicketHolder | undefined> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(ticket)) return undefined;
  const item = await kv.take<TicketHolder>(PARTITION, ticket);
  return item?.value;
}
