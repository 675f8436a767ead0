import { BLUESKY_LIMITS } from './bluesky/limits';
import { countGraphemes } from './bluesky/text-length';
import { validateBlueskyDraft } from './bluesky/validate';
import type { Platform, PlatformLimits, PostDraft, ValidationIssue } from './connector';
import { FACEBOOK_LIMITS } from './facebook/limits';
import { validateFacebookDraft } from './facebook/validate';
import { INSTAGRAM_LIMITS } from './instagram/limits';
import { validateInstagramDraft } from './instagram/validate';
import { LINKEDIN_LIMITS } from './linkedin/limits';
import { validateLinkedInDraft } from './linkedin/validate';
import { MASTODON_DEFAULT_LIMITS } from './mastodon/limits';
import { mastodonStatusLength, validateMastodonDraft } from './mastodon/validate';
import { threadsTextLength, utf16Length } from './meta-graph/text-rules';
import { SANDBOX_LIMITS } from './sandbox/limits';
import { validateSandboxDraft } from './sandbox/validate';
import { THREADS_LIMITS } from './threads/limits';
import { validateThreadsDraft } from './threads/validate';
import { TIKTOK_LIMITS } from './tiktok/limits';
import { validateTikTokDraft } from './tiktok/validate';
import { TWITTER_DEFAULT_LIMITS } from './twitter/limits';
import { twitterWeightedLength } from './twitter/text-length';
import { validateTwitterDraft } from './twitter/validate';

/**
 * Each network's content rules without its network code: the pure `validate.ts` and
 * `limits.ts` of every connector. The server checks drafts with these through the
 * connectors; the dashboard's composer imports this module directly, so its live counters
 * and warnings are the server's own verdict, not a re-implementation. Nothing here may
 * import Node built-ins or HTTP code: it is bundled into the browser.
 */
export interface PlatformRules {
  /** The network as users know it. */
  name: string;
  limits: PlatformLimits;
  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[];
}

export const PLATFORM_RULES: Record<Platform, PlatformRules> = {
  bluesky: { name: 'Bluesky', limits: BLUESKY_LIMITS, validate: validateBlueskyDraft },
  mastodon: { name: 'Mastodon', limits: MASTODON_DEFAULT_LIMITS, validate: validateMastodonDraft },
  twitter: { name: 'X', limits: TWITTER_DEFAULT_LIMITS, validate: validateTwitterDraft },
  linkedin: { name: 'LinkedIn', limits: LINKEDIN_LIMITS, validate: validateLinkedInDraft },
  facebook: { name: 'Facebook Page', limits: FACEBOOK_LIMITS, validate: validateFacebookDraft },
  instagram: { name: 'Instagram', limits: INSTAGRAM_LIMITS, validate: validateInstagramDraft },
  threads: { name: 'Threads', limits: THREADS_LIMITS, validate: validateThreadsDraft },
  tiktok: { name: 'TikTok', limits: TIKTOK_LIMITS, validate: validateTikTokDraft },
  sandbox: { name: 'Sandbox', limits: SANDBOX_LIMITS, validate: validateSandboxDraft },
};

/**
 * The limits that apply to one account: the network's configured defaults, overlaid with
 * what was read from the account at run time (a Mastodon instance's own character limit,
 * an X subscriber's long posts, TikTok's per-creator video length).
 */
export function limitsForAccount(
  platform: Platform,
  readAtRunTime?: Partial<PlatformLimits> | null,
): PlatformLimits {
  const defaults = PLATFORM_RULES[platform].limits;
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
  if (platform === 'twitter') return twitterWeightedLength(text, limits.urlLength);
  if (platform === 'mastodon') return mastodonStatusLength(text, undefined, limits.urlLength);
  switch (limits.textCounting) {
    case 'graphemes':
      return countGraphemes(text);
    case 'threads':
      return threadsTextLength(text);
    default:
      return utf16Length(text);
  }
}
