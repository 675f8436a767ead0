import { createHash, randomBytes } from 'node:crypto';
import type { Platform } from '../../platforms/connector';
import type { Clock, KeyValue } from '../ports';

/** How long a user has to finish the network's consent page. */
export const OAUTH_STATE_TTL_SECONDS = 10 * 60;

/** What Plume remembers between "connect" and the network's redirect back, keyed by `state`. */
export interface PendingConnection {
  organizationId: string;
  userId: string;
  platform: Platform;
  codeVerifier: string;
  /** Mastodon: the instance, and the app Plume registered there. */
  serviceUrl?: string;
  app?: { clientId: string; clientSecret: string; redirectUri: string };
}

const key = (state: string) => ({ pk: `oauth-state#${state}`, sk: 'pending' });

/** PKCE (RFC 7636): a high-entropy verifier and its S256 challenge. */
export function pkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

/** Stores a pending connection under a fresh unguessable `state` for ten minutes. */
export async function savePendingConnection(
  kv: KeyValue,
  clock: Clock,
  pending: PendingConnection,
): Promise<{ state: string; expiresAt: Date }> {
  const state = randomBytes(32).toString('base64url');
  const expiresAt = new Date(clock.now().getTime() + OAUTH_STATE_TTL_SECONDS * 1000);
  await kv.put({ ...key(state), value: pending, expiresAt: Math.floor(expiresAt.getTime() / 1000) });
  return { state, expiresAt };
}

/** Reads and deletes the pending connection: a state works once, then never again. */
export async function takePendingConnection(
  kv: KeyValue,
  state: string,
): Promise<PendingConnection | undefined> {
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(state)) return undefined;
  return (await kv.take<PendingConnection>(key(state).pk, key(state).sk))?.value;
}
