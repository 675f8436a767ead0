import { BLUESKY_RULES } from './bluesky/validate';
import { PLATFORM_CATALOG, type Platform } from './catalog';
import { FACEBOOK_RULES } from './facebook/validate';
import { INSTAGRAM_RULES } from './instagram/validate';
import { LINKEDIN_RULES } from './linkedin/validate';
import { MASTODON_RULES } from './mastodon/validate';
import { SANDBOX_RULES } from './sandbox/validate';
import { THREADS_RULES } from './threads/validate';
import { TIKTOK_RULES } from './tiktok/validate';
import type { PlatformLimits, PlatformRules, PostDraft, ValidationIssue } from './types';
import { TWITTER_RULES } from './twitter/validate';

/**
 * Each network's content rules (`<network>/validate.ts`), keyed like the catalog. The server
 * checks drafts with these through the connectors; the dashboard's composer imports this module
 * directly, so its live counters and warnings are the server's own verdict, not a
 * re-implementation. Nothing here may import Node built-ins or HTTP code: it is bundled into
 * the browser.
 */
export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  bluesky: BLUESKY_RULES,
  mastodon: MASTODON_RULES,
  twitter: TWITTER_RULES,
  linkedin: LINKEDIN_RULES,
  facebook: FACEBOOK_RULES,
  instagram: INSTAGRAM_RULES,
  threads: THREADS_RULES,
  tiktok: TIKTOK_RULES,
  sandbox: SANDBOX_RULES,
};

/**
 * One network's configured limits (a fresh copy per call, so callers may overlay run-time
 * values) and its content rules: what saving a post checks, and what every connector starts
 * from (functions/platforms/profile-parts.ts). Saving a post needs nothing else of a
 * connector, so the posts Lambda checks drafts with these alone and leaves the connectors
 * (network clients, the AT Protocol libraries, token decryption) out of its bundle.
 */
export interface PlatformChecks {
  limits(): PlatformLimits;
  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[];
}

export function platformChecks(platform: Platform): PlatformChecks {
  const { limits } = PLATFORM_CATALOG[platform];
  return { limits: () => ({ ...limits }), validate: PLATFORM_RULES[platform].validate };
}

/**
 * The limits that apply to one account: the network's configured defaults, overlaid with
 * what was read from the account at run time (a Mastodon instance's own character limit,
 * an X subscriber's long posts, TikTok's per-creator video length).
 */
export function limitsForAccount(
  platform: Platform,
  readAtRunTime?: Partial<PlatformLimits> | null,
): PlatformLimits {
  const defaults: PlatformLimits = PLATFORM_CATALOG[platform].limits;
  if (!readAtRunTime) return { ...defaults };
  const merged: PlatformLimits = { ...defaults };
  for (const [key, value] of Object.entries(readAtRunTime) as [keyof PlatformLimits, unknown][]) {
    if (value !== undefined && value !== null) Object.assign(merged, { [key]: value });
  }
  return merged;
}

/** Checks one target's draft with the network's rules, as the server will on save and publish. */
export function validateForPlatform(
  platform: Platform,
  draft: PostDraft,
  readAtRunTime?: Partial<PlatformLimits> | null,
): ValidationIssue[] {
  return PLATFORM_RULES[platform].validate(draft, limitsForAccount(platform, readAtRunTime));
}

/**
 * How long `text` is as the network counts it (X: weighted with URLs as 23; Mastodon: URLs
 * as 23 and remote mentions as their local part; Bluesky and Sandbox: graphemes; Threads:
 * emoji as their UTF-8 bytes; the rest: UTF-16 units), for the composer's counter.
 */
export function measureText(platform: Platform, text: string, limits: PlatformLimits): number {
  return PLATFORM_RULES[platform].measureText(text, limits);
}
