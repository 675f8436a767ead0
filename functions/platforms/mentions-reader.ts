import type { MentionKind } from '../db/schema/listening';
import { PlatformError, type AccountCredentials, type Platform } from './connector';

/**
 * Reading what people say to and about a connected account: mentions, replies, quotes and
 * comments on its posts, since where the last read stopped. One small interface, one
 * implementation per network (functions/platforms/<network>/mentions.ts), picked by
 * mentions-readers.ts. The crisis manager's ingestion (core/listening) stores what it returns.
 */

/** One mention as the network shows it, with what answering it needs. */
export interface MentionReading {
  /** The network's id of the mentioning item (Bluesky at-uri, status id, tweet id, comment id). */
  externalId: string;
  kind: MentionKind;
  authorHandle: string | null;
  authorName: string | null;
  text: string;
  url: string | null;
  mentionedAt: Date;
  /** The item it answers (our post, for a reply or a comment); null for a plain mention. */
  parentExternalId: string | null;
  /** What a reply to it must carry (Bluesky: root and parent strong refs; elsewhere the id to answer). */
  replyRef: Record<string, unknown> | null;
}

export interface MentionsReadOptions {
  /** Where the last read stopped, as this reader returned it; null on the first read. */
  cursor: string | null;
  /** On the first read, how far back to look. */
  since: Date;
  /** At most this many mentions per read; the rest wait for the next read. */
  max: number;
  /**
   * The account's own recent published posts (network ids), for networks whose comments are
   * read per post (Facebook Page posts, Instagram media). Newest first.
   */
  ownPostIds: string[];
}

export interface MentionsReading {
  /** Oldest first, each newer than the cursor it was asked from, at most `max`. */
  mentions: MentionReading[];
  /** Where the next read starts (store it); the same cursor when nothing was new. */
  cursor: string | null;
  /** More mentions were waiting than `max`: the next read continues from `cursor`. */
  more: boolean;
  /**
   * The backlog since the cursor was longer than the reader looks back in one read, so the
   * oldest ones were not seen (the network only pages from the newest). Said, never hidden.
   */
  gap: boolean;
  /** The network and API calls read. */
  source: string;
}

export interface MentionsReader {
  readonly platform: Platform;
  /**
   * The scopes or permissions the read needs, as the network names them, for the message when
   * one is missing (a refusal the network answers 401/403 for is a `permanent` PlatformError
   * that names them; an expired token is `auth`).
   */
  readonly requiredScopes: readonly string[];
  read(credentials: AccountCredentials, options: MentionsReadOptions): Promise<MentionsReading>;
}

/**
 * The networks whose mentions Plume reads (mentions-readers.ts has one reader for each, which
 * the compiler checks). Kept here, apart from the readers, so the sweep's tick can name them
 * without bundling every network's client.
 */
export const LISTENED_NETWORKS = [
  'bluesky',
  'mastodon',
  'twitter',
  'facebook',
  'instagram',
  'sandbox',
] as const satisfies readonly Platform[];
export type ListenedNetwork = (typeof LISTENED_NETWORKS)[number];

/** Networks where Plume reads no mentions, and why. */
export const UNREAD_MENTION_NETWORKS: Partial<Record<Platform, string>> = {
  linkedin:
    "LinkedIn mentions aren't read: comments on a Page's posts need the Community Management API's r_organization_social_feed permission, which LinkedIn grants only to approved partners.",
  tiktok:
    "TikTok mentions aren't read: its API offers no endpoint for comments on or mentions of an account's videos to third-party apps.",
  threads:
    "Threads mentions aren't read yet: its replies API needs the threads_read_replies and threads_manage_mentions permissions, which Plume doesn't request.",
};

/**
 * Newest-first networks (Bluesky, X): the items newer than the cursor, scanned back from the
 * newest, are returned oldest first, at most `max` of them; the cursor becomes the newest one
 * returned, so a backlog longer than `max` is read over several runs without a hole.
 */
export function oldestFirstBatch<T>(newestFirst: T[], max: number): { batch: T[]; more: boolean } {
  const oldestFirst = [...newestFirst].reverse();
  return { batch: oldestFirst.slice(0, max), more: oldestFirst.length > max };
}

/**
 * The refusal of a read the account's grant does not cover: `permanent` (the account still
 * publishes; only listening needs the extra permission), saying which permission and how to
 * grant it, with the network's own words after.
 */
export function missingPermission(
  network: string,
  permissions: readonly string[],
  detail?: string,
): PlatformError {
  const names = permissions.join(', ');
  return new PlatformError(
    'permanent',
    `${network}: reading mentions needs the ${names} permission${permissions.length > 1 ? 's' : ''}, which this connection did not grant; reconnect the account to grant it${detail ? ` (${detail})` : ''}.`,
    { platformCode: 'missing_permission' },
  );
}

/** True when the granted scopes are known and lack every one of `anyOf`. */
export function lacksScope(granted: readonly string[], anyOf: readonly string[]): boolean {
  return granted.length > 0 && !anyOf.some((scope) => granted.includes(scope));
}
