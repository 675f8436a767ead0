import { TIKTOK_PRIVACY_LEVELS, type TikTokPrivacyLevel } from './limits';

/**
 * Per-post TikTok settings from `PostDraft.options`. TikTok's UX rules require the creator to
 * choose the privacy level for every post (no default), and to be able to turn comments, duets
 * and stitches off and declare commercial content:
 * https://developers.tiktok.com/doc/content-sharing-guidelines
 */
export interface TikTokPostOptions {
  privacyLevel?: TikTokPrivacyLevel;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  /** "Your brand": promoting the creator's own business (`brand_organic_toggle`). */
  yourBrand: boolean;
  /** "Branded content": a paid partnership (`brand_content_toggle`); cannot be private. */
  brandedContent: boolean;
  /** AI-generated content label (`is_aigc`). */
  aiGenerated: boolean;
  /** Photo posts only: the short title shown above the description. */
  photoTitle?: string;
  /** Photo posts only: let TikTok add recommended music. */
  autoAddMusic: boolean;
  /** Video posts only: which frame is the cover. */
  videoCoverTimestampMs?: number;
}

export interface ParsedOptions {
  options: TikTokPostOptions;
  /** Keys present with a value of the wrong type or outside the allowed set. */
  invalid: string[];
}

/** Pure: shared by validation (dashboard) and publishing. */
export function parseTikTokOptions(raw: Record<string, unknown> | undefined): ParsedOptions {
  const source = raw ?? {};
  const invalid: string[] = [];
  const flag = (key: string, fallback = false): boolean => {
    const value = source[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    invalid.push(key);
    return fallback;
  };
  const privacy = source.privacyLevel;
  const privacyLevel = TIKTOK_PRIVACY_LEVELS.find((level) => level === privacy);
  if (privacy !== undefined && !privacyLevel) invalid.push('privacyLevel');
  const title = source.photoTitle;
  if (title !== undefined && typeof title !== 'string') invalid.push('photoTitle');
  const cover = source.videoCoverTimestampMs;
  const coverValid = typeof cover === 'number' && Number.isInteger(cover) && cover >= 0;
  if (cover !== undefined && !coverValid) invalid.push('videoCoverTimestampMs');
  return {
    options: {
      privacyLevel,
      disableComment: flag('disableComment'),
      disableDuet: flag('disableDuet'),
      disableStitch: flag('disableStitch'),
      yourBrand: flag('yourBrand'),
      brandedContent: flag('brandedContent'),
      aiGenerated: flag('aiGenerated'),
      photoTitle: typeof title === 'string' && title.trim() ? title : undefined,
      autoAddMusic: flag('autoAddMusic', true),
      videoCoverTimestampMs: coverValid ? cover : undefined,
    },
    invalid,
  };
}
