import twitterText from 'twitter-text';
import { countGraphemes } from '../../../shared/platforms/text-measures';

/** What the predictor reads from a post's text. */
export interface TextFeatures {
  /** User-perceived characters (grapheme clusters). */
  length: number;
  hashtags: number;
  links: number;
  /** A question mark outside links: the post asks something. */
  question: boolean;
}

/**
 * Hashtags and links as twitter-text finds them (the extractor X and Mastodon use, with
 * Unicode hashtags and protocol-less URLs), rather than a regular expression of our own.
 */
export function textFeatures(text: string): TextFeatures {
  const links = twitterText.extractUrlsWithIndices(text);
  let withoutLinks = text;
  for (const link of [...links].reverse())
    withoutLinks = withoutLinks.slice(0, link.indices[0]) + withoutLinks.slice(link.indices[1]);
  return {
    length: countGraphemes(text),
    hashtags: twitterText.extractHashtags(text).length,
    links: links.length,
    question: withoutLinks.includes('?') || withoutLinks.includes('？'),
  };
}
