import type { Container } from '../ports/container';
import type { socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { AccountCredentials, Connector, Platform } from '../../platforms/connector';
import { connectorContext, connectorFor } from '../../platforms/registry';
import { credentialsOf, ensureFreshCredentials, markNeedsReauth } from '../social-accounts/credentials';

type Tx = Transaction;
export type SocialAccount = typeof socialAccounts.$inferSelect;

/**
 * The publishing pipeline's links to the connectors and to stored credentials. Production
 * uses the registry and the stored (encrypted) tokens; tests swap in a scripted connector
 * with `setPublishingSeams` so the publisher's fault handling is tested without a network.
 */
export interface PublishingSeams {
  resolveConnector(platform: Platform, container: Container): Connector | undefined;
  /** Decrypts the account's tokens and refreshes them when they are about to expire. */
  loadCredentials(
    container: Container,
    account: SocialAccount,
    connector: Connector,
  ): Promise<AccountCredentials>;
  /** Marks the account `needs_reauth` with a reason a user can act on (and tells its managers). */
  markNeedsReauth(tx: Tx, accountId: string, reason: string, now: Date): Promise<void>;
  /** Randomness of the retry jitter. */
  random(): number;
}

const DEFAULT_SEAMS: PublishingSeams = {
  resolveConnector: (platform, container) => connectorFor(platform, connectorContext(container)),
  loadCredentials: async (container, account) =>
    ensureFreshCredentials(container, account, await credentialsOf(container.crypto, account)),
  markNeedsReauth: async (tx, accountId, reason, now) => {
    await markNeedsReauth(tx, accountId, reason, now);
  },
  random: Math.random,
};

let seams: PublishingSeams = DEFAULT_SEAMS;

export const publishingSeams = (): PublishingSeams => seams;

/** Test seam: replaces some links; `undefined` restores the defaults. */
export function setPublishingSeams(overrides: Partial<PublishingSeams> | undefined): void {
  seams = overrides ? { ...DEFAULT_SEAMS, ...overrides } : DEFAULT_SEAMS;
}
