import { BLUESKY_PROFILE } from './bluesky/profile';
import { FACEBOOK_PROFILE } from './facebook/profile';
import { INSTAGRAM_PROFILE } from './instagram/profile';
import { LINKEDIN_PROFILE } from './linkedin/profile';
import { MASTODON_PROFILE } from './mastodon/profile';
import type { PlatformProfile } from './profile';
import { SANDBOX_PROFILE } from './sandbox/profile';
import { THREADS_PROFILE } from './threads/profile';
import { TIKTOK_PROFILE } from './tiktok/profile';
import { TWITTER_PROFILE } from './twitter/profile';

/**
 * Every network Plume publishes to, one profile each: the single list the server (contracts,
 * database enum, connectors, platform-apps secret, media library, sweep) and the dashboard read.
 * The order is the order users see, and the database enum's: append new networks at the end.
 * README "Networks" says what else a new network needs (its rules, its connector).
 */
export const PLATFORM_CATALOG = {
  bluesky: BLUESKY_PROFILE,
  mastodon: MASTODON_PROFILE,
  twitter: TWITTER_PROFILE,
  linkedin: LINKEDIN_PROFILE,
  facebook: FACEBOOK_PROFILE,
  instagram: INSTAGRAM_PROFILE,
  threads: THREADS_PROFILE,
  tiktok: TIKTOK_PROFILE,
  sandbox: SANDBOX_PROFILE,
} as const satisfies Record<string, PlatformProfile>;

/** A network's id, as stored and sent over the API. `sandbox` is the built-in simulated network. */
export type Platform = keyof typeof PLATFORM_CATALOG;

/** The ids in catalog order, as zod enums and the database enum take them. */
export const PLATFORM_IDS = Object.keys(PLATFORM_CATALOG) as [Platform, ...Platform[]];

/** The profile of one network, typed as any profile (for code that handles every network alike). */
export function platformProfile(platform: Platform): PlatformProfile {
  return PLATFORM_CATALOG[platform];
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && Object.hasOwn(PLATFORM_CATALOG, value);
}
