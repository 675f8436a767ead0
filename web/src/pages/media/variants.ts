import type { components } from '../../api/schema.gen';
import type { Platform } from '../../publishing/platforms';

export type MediaVariant = components['schemas']['MediaVariant'];

export interface VariantDescription {
  name: string;
  label: string;
  /** Networks the rendition is made for; empty for the library's own previews. */
  networks: Platform[];
  purpose: string;
}

/**
 * What each rendition of the optimize job is for (functions/core/media/image-variants.ts,
 * IMAGE_VARIANTS). That module loads the WebAssembly codecs, so the words are kept here.
 */
const KNOWN: Record<string, Omit<VariantDescription, 'name'>> = {
  'feed-jpeg': {
    label: 'Feed JPEG',
    networks: ['instagram', 'linkedin', 'facebook', 'threads', 'twitter', 'bluesky', 'mastodon', 'tiktok'],
    purpose: 'Any network; Instagram and LinkedIn need JPEG.',
  },
  'feed-webp': {
    label: 'Feed WebP',
    networks: ['twitter', 'bluesky', 'mastodon', 'facebook', 'tiktok'],
    purpose: 'Smaller file where WebP is accepted.',
  },
  'instagram-square': {
    label: 'Instagram square',
    networks: ['instagram'],
    purpose: 'Cropped to 1:1 for the feed.',
  },
  'instagram-portrait': {
    label: 'Instagram portrait',
    networks: ['instagram'],
    purpose: 'Cropped to 4:5 for the feed.',
  },
  thumbnail: { label: 'Thumbnail', networks: [], purpose: 'Library and composer previews.' },
};

/** "feed-png" (a name this build does not know yet) reads "Feed png". */
const humanize = (name: string): string => {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function describeVariant(name: string): VariantDescription {
  const known = KNOWN[name];
  return known ? { name, ...known } : { name, label: humanize(name), networks: [], purpose: '' };
}

/** "JPEG", "WebP", or the subtype of anything else. */
export function formatLabel(mimeType: string): string {
  const subtype = mimeType.split('/')[1] ?? mimeType;
  if (subtype === 'jpeg') return 'JPEG';
  if (subtype === 'webp') return 'WebP';
  return subtype.toUpperCase();
}

/** Variants in the job's order (known ones first), then any others by name. */
export function sortedVariants(variants: Record<string, MediaVariant>): [string, MediaVariant][] {
  const order = Object.keys(KNOWN);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return Object.entries(variants).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
