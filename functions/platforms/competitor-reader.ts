import type { AccountCredentials, Platform } from './connector';

/**
 * Reading a competitor: someone else's public account, read without their consent through what
 * the network documents as public (Bluesky's AppView, Mastodon's public REST API, Instagram's
 * Business Discovery, the Sandbox). One small interface, one implementation per network
 * (functions/platforms/<network>/competitor.ts), picked by competitor-readers.ts.
 */

/** Who to read: what the user typed, or what an earlier read resolved. */
export interface CompetitorTarget {
  handle: string;
  /** The server of a federated network (Mastodon instance), as the user typed it or as stored. */
  serviceUrl?: string | null;
}

export interface CompetitorProfileReading {
  /** The network's own id (Bluesky DID, Mastodon account id, Instagram user id, Sandbox handle). */
  platformAccountId: string;
  /** The handle as the network spells it, the one Plume stores (`name@instance` on Mastodon). */
  handle: string;
  name: string | null;
  avatarUrl: string | null;
  profileUrl: string | null;
  /** Mastodon: the instance origin the account was read from. */
  serviceUrl: string | null;
  followers: number | null;
  /** Posts the account has on the network, all time, as the network counts them. */
  postsCount: number | null;
}

/** A public post of the competitor with the counts the network shows everyone. */
export interface CompetitorPostReading {
  externalId: string;
  text: string;
  url: string | null;
  publishedAt: Date;
  likes: number | null;
  comments: number | null;
  shares: number | null;
}

export interface CompetitorReading {
  profile: CompetitorProfileReading;
  /** Its own posts (no reposts or boosts) published at or after `since`, newest first. */
  posts: CompetitorPostReading[];
  /** Why a figure is null for this network (`likes`, `shares`, `impressions`, `followers`...). */
  unavailable: Record<string, string>;
  /** The network and API calls the figures came from. */
  source: string;
}

export interface CompetitorReadOptions {
  since: Date;
  /** At most this many posts (the newest). */
  maxPosts: number;
  /**
   * One of the organization's own connected accounts on the network, for networks that read
   * others only through a signed-in professional account (Instagram Business Discovery).
   */
  via?: AccountCredentials;
}

export interface CompetitorReader {
  readonly platform: Platform;
  /** True when `read` needs `options.via` (Instagram). */
  readonly needsConnectedAccount: boolean;
  /**
   * Reads the profile and recent posts. An unknown account or one the network will not show is
   * a `permanent` PlatformError whose message says so; network trouble is `transient`.
   */
  read(target: CompetitorTarget, options: CompetitorReadOptions): Promise<CompetitorReading>;
}

/** No network gives anyone a competitor's impressions or reach: they are the account owner's insights. */
export const COMPETITOR_IMPRESSIONS_UNAVAILABLE =
  "Networks show impressions only to the account's owner; a competitor's are never public.";

/**
 * Networks whose competitors Plume cannot read, and why: each offers no documented way to read
 * another account's public profile and posts without that account authorizing the app.
 */
export const UNREADABLE_COMPETITOR_NETWORKS: Partial<Record<Platform, string>> = {
  twitter:
    "X can't be tracked: X's API reads other accounts' posts only on a paid API plan that Plume doesn't assume (its free access can't read timelines), and Plume reads competitors only where the network offers a public read.",
  linkedin:
    "LinkedIn can't be tracked: its APIs read only members and pages that authorized the app (Community Management API); another company's page and posts can't be read without its consent.",
  facebook:
    "Facebook can't be tracked: reading other Pages' posts needs Meta's Page Public Content Access feature, granted only after Meta's review for specific uses; the Pages API otherwise reads only Pages that connected the app.",
  tiktok:
    "TikTok can't be tracked: its Display API reads only accounts that authorized the app, and its Research API is open only to approved academic researchers.",
  threads:
    "Threads can't be tracked: the Threads API reads profiles and posts of users who authorized the app; reading other accounts needs a permission Meta grants only after app review, which Plume doesn't have.",
};
