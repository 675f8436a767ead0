import { BLUESKY_IMAGE_TYPES, BLUESKY_LIMITS, BLUESKY_VIDEO_TYPES } from '../../shared/platforms/bluesky/limits';
import type { Platform, PlatformLimits } from '../../platforms/connector';
import { FACEBOOK_FORMATS, FACEBOOK_LIMITS } from '../../shared/platforms/facebook/limits';
import { INSTAGRAM_FORMATS, INSTAGRAM_LIMITS } from '../../shared/platforms/instagram/limits';
import { LINKEDIN_IMAGE_TYPES, LINKEDIN_LIMITS, LINKEDIN_VIDEO_TYPES } from '../../shared/platforms/linkedin/limits';
import { MASTODON_DEFAULT_LIMITS, MASTODON_MEDIA_TYPES } from '../../shared/platforms/mastodon/limits';
import { THREADS_FORMATS, THREADS_LIMITS } from '../../shared/platforms/threads/limits';
import { TIKTOK_IMAGE_TYPES, TIKTOK_LIMITS, TIKTOK_VIDEO_TYPES } from '../../shared/platforms/tiktok/limits';
import {
  TWITTER_DEFAULT_LIMITS,
  TWITTER_GIF_TYPES,
  TWITTER_IMAGE_TYPES,
  TWITTER_MAX_GIF_BYTES,
  TWITTER_VIDEO_TYPES,
} from '../../shared/platforms/twitter/limits';

export type MediaKind = 'image' | 'gif' | 'video';

/** What one network accepts, read from its connector's `limits.ts` (the single source). */
interface NetworkMediaRules {
  limits: PlatformLimits;
  imageTypes: readonly string[];
  videoTypes: readonly string[];
  /** Where the network caps GIFs apart from images (X: 15 MB). */
  maxGifBytes?: number;
}

const split = (types: readonly string[]) => ({
  imageTypes: types.filter((t) => t.startsWith('image/')),
  videoTypes: types.filter((t) => t.startsWith('video/')),
});

/**
 * Per-network media rules. The Sandbox network has no connector limits yet; it accepts what
 * any real network accepts, so it is left out and never narrows the library.
 */
export const NETWORK_MEDIA_RULES: Readonly<Partial<Record<Platform, NetworkMediaRules>>> = {
  bluesky: { limits: BLUESKY_LIMITS, imageTypes: BLUESKY_IMAGE_TYPES, videoTypes: BLUESKY_VIDEO_TYPES },
  mastodon: { limits: MASTODON_DEFAULT_LIMITS, ...split(MASTODON_MEDIA_TYPES) },
  twitter: {
    limits: TWITTER_DEFAULT_LIMITS,
    imageTypes: [...TWITTER_IMAGE_TYPES, ...TWITTER_GIF_TYPES],
    videoTypes: TWITTER_VIDEO_TYPES,
    maxGifBytes: TWITTER_MAX_GIF_BYTES,
  },
  linkedin: { limits: LINKEDIN_LIMITS, imageTypes: LINKEDIN_IMAGE_TYPES, videoTypes: LINKEDIN_VIDEO_TYPES },
  facebook: {
    limits: FACEBOOK_LIMITS,
    imageTypes: FACEBOOK_FORMATS.image,
    videoTypes: FACEBOOK_FORMATS.video,
  },
  instagram: {
    limits: INSTAGRAM_LIMITS,
    imageTypes: INSTAGRAM_FORMATS.image,
    videoTypes: INSTAGRAM_FORMATS.video,
  },
  threads: { limits: THREADS_LIMITS, imageTypes: THREADS_FORMATS.image, videoTypes: THREADS_FORMATS.video },
  tiktok: { limits: TIKTOK_LIMITS, imageTypes: TIKTOK_IMAGE_TYPES, videoTypes: TIKTOK_VIDEO_TYPES },
};

const RULES = Object.entries(NETWORK_MEDIA_RULES) as [Platform, NetworkMediaRules][];

/** Every content type at least one network accepts (the upload allow-list). */
export const ALLOWED_MEDIA_TYPES: readonly string[] = [
  ...new Set(RULES.flatMap(([, r]) => [...r.imageTypes, ...r.videoTypes])),
].sort();

/** GIFs are images to most networks but animate like video; the library shows them apart. */
export function mediaKind(mimeType: string): MediaKind {
  if (mimeType === 'image/gif') return 'gif';
  return mimeType.startsWith('video/') ? 'video' : 'image';
}

function maxBytesOn(rules: NetworkMediaRules, mimeType: string): number | undefined {
  if (rules.videoTypes.includes(mimeType)) {
    // Bluesky sends GIFs to its video service; they are accepted under either rule.
    const asVideo = rules.limits.maxVideoBytes;
    return rules.imageTypes.includes(mimeType) ? Math.max(asVideo, rules.limits.maxImageBytes) : asVideo;
  }
  if (rules.imageTypes.includes(mimeType)) {
    return mimeType === 'image/gif' && rules.maxGifBytes ? rules.maxGifBytes : rules.limits.maxImageBytes;
  }
  return undefined;
}

/**
 * The largest file of this type that some network accepts: the upload ceiling. Files up to it
 * go straight to storage by presigned POST (S3 caps a POST at 5 GB), never through Lambda.
 * Undefined when no network accepts the type.
 */
export function maxUploadBytes(mimeType: string): number | undefined {
  const sizes = RULES.map(([, r]) => maxBytesOn(r, mimeType)).filter((n): n is number => n !== undefined);
  return sizes.length > 0 ? Math.min(Math.max(...sizes), S3_POST_MAX_BYTES) : undefined;
}

/** S3's ceiling for one POST upload. */
export const S3_POST_MAX_BYTES = 5 * 1024 * 1024 * 1024;

/** The networks whose type and size limits this file meets (shown in the library and composer). */
export function networksAccepting(mimeType: string, sizeBytes: number): Platform[] {
  return RULES.filter(([, r]) => {
    const max = maxBytesOn(r, mimeType);
    return max !== undefined && sizeBytes <= max;
  }).map(([platform]) => platform);
}
