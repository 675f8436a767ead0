import type { PLATFORMS } from '../db/schema';

export type Platform = (typeof PLATFORMS)[number];

/**
 * How a platform failure must be handled (DESIGN.md section 4): `auth` marks the account
 * needs_reauth; `permanent` fails with the platform's message; `transient` and
 * `rate_limited` retry with backoff honouring `retryAfterSeconds`; `unknown_outcome` means
 * the post may exist, so the target becomes `unconfirmed` and is never re-sent blindly.
 */
export type PlatformErrorKind = 'auth' | 'permanent' | 'transient' | 'rate_limited' | 'unknown_outcome';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: { platformCode?: string; retryAfterSeconds?: number; status?: number } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface PublishRequest {
  accessToken: string;
  accountId: string;
  text: string;
  mediaUrls: string[];
  firstComment?: string;
}

export interface PublishedPost {
  platformPostId: string;
  url?: string;
}

/** One social network behind one interface; each network is a module in functions/platforms. */
export interface Connector {
  readonly platform: Platform;
  publish(request: PublishRequest): Promise<PublishedPost>;
}
