import type { Container } from '../ports/container';
import type { socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { AccountCredentials, Connector, Platform } from '../../platforms/connector';

export type SocialAccount = typeof socialAccounts.$inferSelect;

/**
 * The publishing pipeline's links to the connectors and to stored credentials. Production
 * uses the registry and the stored (encrypted) tokens (seams.ts); tests swap in a scripted
 * connector with `setPublishingSeams` so the publisher's fault handling is tested without a
 * network.
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
  markNeedsReauth(tx: Transaction, accountId: string, reason: string, now: Date): Promise<void>;
  /** Randomness of the retry jitter. */
  random(): number;
}

/**
 * What a test replaced, kept apart from the defaults (seams.ts) on purpose: the defaults import
 * every connector, and code that only checks drafts (saving a post) reads the overrides
 * without pulling the connectors into its Lambda.
 */
let overrides: Partial<PublishingSeams> = {};

export const publishingSeamOverrides = (): Readonly<Partial<PublishingSeams>> => overrides;

/** Test seam: replaces some links; `undefined` restores the defaults. */
export function setPublishingSeams(next: Partial<PublishingSeams> | undefined): void {
  overrides = next ?? {};
}
