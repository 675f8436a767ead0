import { PLATFORM_IDS, platformProfile, type Platform } from './platforms/catalog';
import type { PlatformLimits } from './platforms/types';

export type MediaKind = 'image' | 'gif' | 'video';

/** What one network accepts, from its profile (functions/shared/platforms/<network>/profile.ts). */
interface NetworkMediaRules {
  limits: PlatformLimits;
  imageTypes: readonly string[];
  videoTypes: readonly string[];
  /** Where the network caps GIFs apart from images (X: 15 MB). */
  maxGifBytes?: number;
}

/**
 * Per-network media rules of the networks the library names. The Sandbox accepts what any
 * real network accepts, so its profile leaves it out and it never narrows the library.
 */
export const NETWORK_MEDIA_RULES: Readonly<Partial<Record<Platform, NetworkMediaRules>>> = Object.fromEntries(
  PLATFORM_IDS.flatMap((platform) => {
    const { limits, media } = platformProfile(platform);
    if (!media.namedInLibrary) return [];
    const { imageTypes, videoTypes, maxGifBytes } = media;
    return [[platform, { limits, imageTypes, videoTypes, ...(maxGifBytes ? { maxGifBytes } : {}) }]];
  }),
);

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
