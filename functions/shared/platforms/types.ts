/**
 * What a draft and a network's rules look like, for the server and the dashboard alike. Nothing
 * under functions/shared may import Node built-ins, SDKs, the database or process.env: the
 * dashboard bundles it.
 */

/** Limits of a network, from its profile (`limits.ts` of each network) or read at run time. */
export interface PlatformLimits {
  maxTextLength: number;
  /** How text is measured: X weighted length, graphemes, UTF-16 units, or Threads' bytes for emoji. */
  textCounting: 'twitter-weighted' | 'graphemes' | 'characters' | 'threads';
  /** Characters a URL counts as, when the network shortens links (X: 23; Mastodon: reserved per URL). */
  urlLength?: number;
  maxImages: number;
  maxVideos: number;
  maxImageBytes: number;
  maxVideoBytes: number;
  /** May images and a video be combined in one post? */
  mixedMedia: boolean;
  maxHashtags?: number;
  maxMentions?: number;
  supportsThreads: boolean;
  supportsFirstComment: boolean;
  /** Networks that cannot post text alone (Instagram, TikTok). */
  requiresMedia: boolean;
  /** Longest video accepted, where known (TikTok reads it per creator at run time). */
  maxVideoDurationSeconds?: number;
}

export interface MediaItem {
  id: string;
  kind: 'image' | 'video' | 'gif';
  mimeType: string;
  bytes: number;
  width?: number;
  height?: number;
  durationSeconds?: number;
  altText?: string;
  /** A URL the platform (or Plume) can fetch the file from: presigned S3 or the local media URL. */
  url: string;
}

/** What the composer produced for one target: text, media, and follow-ups where supported. */
export interface PostDraft {
  text: string;
  media: MediaItem[];
  /** Replies posted under the first post (threads on X, Bluesky, Mastodon, Threads). */
  thread?: string[];
  /** A comment posted right after (LinkedIn, Facebook, Instagram). */
  firstComment?: string;
  /**
   * Per-target platform settings chosen in the composer (TikTok privacy level and interaction
   * toggles, LinkedIn visibility...). Each network documents and validates its own keys.
   */
  options?: Record<string, unknown>;
  /**
   * Plume's idempotency marker for this target (its id). Networks that keep a caller's
   * marker with the post (the Sandbox keys the post by it) store it, so a later look-up can
   * find the post by it and a repeated publish returns the existing post instead of a second.
   */
  idempotencyKey?: string;
}

export interface ValidationIssue {
  field: 'text' | 'media' | 'thread' | 'firstComment' | 'options';
  code: string;
  message: string;
  severity: 'error' | 'warning';
  /** For counters: how much was used of how much. */
  used?: number;
  limit?: number;
}

/**
 * A network's content rules: how it measures text and what it refuses or warns about. Pure and
 * synchronous: the composer runs them for its live counters, the server on save and publish.
 * Kept apart from the profile because they carry libraries (twitter-text) that only the
 * composer and the connectors need, while every Lambda reads the profiles.
 */
export interface PlatformRules {
  /** How long `text` is as the network counts it, under these limits (X: URLs as 23...). */
  measureText(text: string, limits: PlatformLimits): number;
  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[];
}

/**
 * A publish call's default bound: inside the publish worker's Lambda timeout (3 minutes,
 * lib/queue-settings.ts) with time left to record the outcome, and enforced the same way locally.
 */
export const DEFAULT_PUBLISH_TIMEOUT_MS = 150_000;

/** A minute covers a network that accepted a post but lists it a little later. */
export const DEFAULT_LOOKUP_SETTLE_MS = 60_000;
