import type { Clock, Logger } from '../core/ports';
import type { Database } from '../db/client';
import type {
  AudienceDemographics,
  UnavailableAccountMetrics,
  UnavailableAudience,
} from '../shared/analytics/account-metrics';
import type { Platform } from '../shared/platforms/catalog';
import type { PlatformLimits, PostDraft, ValidationIssue } from '../shared/platforms/types';

// The network list and the content types are browser-safe (functions/shared/platforms): the
// dashboard reads them too. Re-exported here because every connector speaks in them.
export { PLATFORM_IDS, type Platform } from '../shared/platforms/catalog';
export {
  DEFAULT_LOOKUP_SETTLE_MS,
  DEFAULT_PUBLISH_TIMEOUT_MS,
  type MediaItem,
  type PlatformLimits,
  type PostDraft,
  type ValidationIssue,
} from '../shared/platforms/types';

/**
 * How a platform failure must be handled (DESIGN.md section 4): `auth` marks the account
 * needs_reauth; `permanent` fails with the platform's message shown verbatim; `transient`
 * and `rate_limited` retry with jittered backoff honouring `retryAfterSeconds`;
 * `unknown_outcome` means the post may exist, so the target becomes `unconfirmed` and is
 * never re-sent blindly.
 */
export type PlatformErrorKind = 'auth' | 'permanent' | 'transient' | 'rate_limited' | 'unknown_outcome';

export interface PlatformErrorDetails {
  /** The platform's own error code or subcode, e.g. Graph API 190 or IG 2207020. */
  platformCode?: string;
  /** From Retry-After / x-rate-limit-reset / x-ratelimit-reset and the like. */
  retryAfterSeconds?: number;
  status?: number;
}

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: PlatformErrorDetails = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export interface TokenSet {
  accessToken: string;
  /** Absent when the platform issued none; never overwrite a stored one with an empty value. */
  refreshToken?: string;
  expiresAt?: Date;
  refreshTokenExpiresAt?: Date;
  scopes: string[];
}

export interface AccountProfile {
  accountId: string;
  name: string;
  handle: string;
  avatarUrl?: string;
  profileUrl?: string;
  /** Server for federated networks (Mastodon instance, Bluesky PDS). */
  serviceUrl?: string;
  extra?: Record<string, unknown>;
}

/** Decrypted credentials of a connected account, handed to a connector for one call. */
export interface AccountCredentials extends TokenSet {
  accountId: string;
  handle?: string;
  serviceUrl?: string;
  extra?: Record<string, unknown>;
}

export interface OAuthClient {
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
}

export interface OAuth2Flow {
  kind: 'oauth2';
  /** PKCE S256 where the platform supports it. `serviceUrl` for Mastodon instances. */
  authorizationUrl(input: {
    client: OAuthClient;
    state: string;
    codeChallenge: string;
    serviceUrl?: string;
  }): string;
  exchangeCode(input: {
    client: OAuthClient;
    code: string;
    codeVerifier: string;
    serviceUrl?: string;
  }): Promise<{
    tokens: TokenSet;
    profile: AccountProfile;
    /**
     * Further accounts the same grant gives access to (each Facebook Page the user shared in
     * Meta's dialog beyond the first), each with its own tokens; the caller may connect them too.
     */
    additionalAccounts?: { tokens: TokenSet; profile: AccountProfile }[];
  }>;
}

export interface AppPasswordFlow {
  kind: 'app-password';
  login(input: { identifier: string; password: string; serviceUrl?: string }): Promise<{
    tokens: TokenSet;
    profile: AccountProfile;
  }>;
}

export interface PublishedPost {
  platformPostId: string;
  url?: string;
  /** Ids of thread replies / first comment, in order. */
  followUpIds?: string[];
  /**
   * Follow-ups (replies, first comment) that failed after the main post went out. The post is
   * live, so the publish must not fail (a retry would post it twice); tell the user instead.
   */
  warnings?: string[];
}

export interface PostMetrics {
  platformPostId: string;
  impressions?: number;
  reach?: number;
  likes?: number;
  comments?: number;
  shares?: number;
  clicks?: number;
  saves?: number;
  videoViews?: number;
  fetchedAt: Date;
}

/**
 * How much of a network's request allowance is left, from the rate-limit headers of an answer
 * (platforms/rate-limit-headers.ts). `exhausted` means the next call would be refused until
 * `resetAt`: the automatic sync waits until then.
 */
export interface RateLimitReading {
  remaining?: number;
  limit?: number;
  resetAt?: Date;
  exhausted: boolean;
}

/**
 * The account's own figures at `fetchedAt`: each absent where the network gives none (the
 * reason is the profile's `accountMetrics.unavailable`, or `unavailable` here when it depends
 * on the account, such as a LinkedIn member against a Page). Impressions and profile views are
 * the account's figures of the current day, where the network reports them.
 */
export interface AccountMetrics {
  followers?: number;
  following?: number;
  posts?: number;
  impressions?: number;
  profileViews?: number;
  unavailable?: UnavailableAccountMetrics;
  /** The network and the API call, stored with the reading. */
  source: string;
  fetchedAt: Date;
  /** The allowance left after these calls, where the network sends rate-limit headers. */
  rateLimit?: RateLimitReading;
}

/** Who follows the account, as shares by dimension, with why a dimension is missing. */
export interface AudienceReading {
  demographics: AudienceDemographics;
  unavailable: UnavailableAudience;
  source: string;
  fetchedAt: Date;
  rateLimit?: RateLimitReading;
}

export interface PublishingQuota {
  used: number;
  limit: number;
  windowSeconds: number;
}

/** What Plume knows about a publish whose answer it never got, to look for the post on the network. */
export interface PublishedPostQuery {
  /** The target's idempotency marker, as sent in `PostDraft.idempotencyKey`. */
  idempotencyKey: string;
  /** The first post's text exactly as it was sent. */
  text: string;
  /** How many media items the first post carried. */
  mediaCount: number;
  /** The interrupted attempt cannot have created anything before this (its claim, less clock skew)... */
  since: Date;
  /** ...nor after this. */
  until: Date;
}

export interface FoundPost extends PublishedPost {
  /** When the network says the post was created, where it says. */
  publishedAt?: Date;
  /** `marker`: found by the idempotency marker; `content`: by text within the time window. */
  matchedBy: 'marker' | 'content';
}

export interface PublishedPostLookup {
  /** Posts of the account that match the query, the best match first. */
  matches: FoundPost[];
  /**
   * True only when an empty answer proves that the post does not exist, so publishing again
   * cannot make a duplicate: the network's own record, read consistently, over the whole window
   * (or the network itself refuses a duplicate of this attempt, as Mastodon's idempotency key).
   */
  authoritative: boolean;
  /** What was searched, for the target's history ("the account's records since 10:02"). */
  searched: string;
}

/** Injected into connectors so tests can point them at local stand-ins and control time. */
export interface ConnectorContext {
  fetch: typeof fetch;
  clock: Clock;
  logger: Logger;
  /** Base URLs by name (e.g. `api`, `upload`, `auth`), defaulting to the real platform hosts. */
  endpoints?: Record<string, string>;
  /** Per-request timeout for platform calls. */
  timeoutMs?: number;
  /**
   * Plume's own database and public address, from the caller's container: the Sandbox network
   * keeps its posts in that database and links to its feed page under that address. Other
   * networks ignore both.
   */
  database?: Database;
  publicUrl?: string;
}

/** One social network behind one interface; each network is a folder in functions/platforms. */
export interface Connector {
  readonly platform: Platform;
  readonly displayName: string;
  readonly connect: OAuth2Flow | AppPasswordFlow;
  /** Configured limits; `readLimits` may refine them from the platform at run time. */
  limits(credentials?: AccountCredentials): PlatformLimits;
  readLimits?(credentials: AccountCredentials): Promise<Partial<PlatformLimits>>;
  /** Pure and synchronous: the dashboard runs the same code for its live counters. */
  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[];
  refresh?(credentials: AccountCredentials, client?: OAuthClient): Promise<TokenSet>;
  publish(credentials: AccountCredentials, draft: PostDraft): Promise<PublishedPost>;
  fetchMetrics(credentials: AccountCredentials, platformPostIds: string[]): Promise<PostMetrics[]>;
  quota?(credentials: AccountCredentials): Promise<PublishingQuota>;
  /** The account's followers, following, posts and daily account figures (read once a day by the sync). */
  fetchAccountMetrics?(credentials: AccountCredentials): Promise<AccountMetrics>;
  /** The account's audience make-up, where the network offers it (Instagram, LinkedIn Pages). */
  fetchAudience?(credentials: AccountCredentials): Promise<AudienceReading>;
  /**
   * Longest one `publish` call may take, by this connector's own timeouts and polling budgets.
   * The publisher gives up on the call after it (the outcome becomes unknown), and a claim
   * older than it plus a recording margin is known to be dead. Default: DEFAULT_PUBLISH_TIMEOUT_MS.
   */
  readonly publishTimeoutMs?: number;
  /**
   * Looks for a post an interrupted publish may have created (by the idempotency marker where
   * the network keeps one, else by text within the time window). Absent where the network
   * offers no way to list an account's posts.
   */
  findPublished?(credentials: AccountCredentials, query: PublishedPostQuery): Promise<PublishedPostLookup>;
  /**
   * How long after an interrupted call an empty look-up can be trusted: a network may still be
   * writing, or not yet listing, a post it accepted. Default: DEFAULT_LOOKUP_SETTLE_MS.
   */
  readonly lookupSettleMs?: number;
}
