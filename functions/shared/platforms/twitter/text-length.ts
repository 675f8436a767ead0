import twitterText, { type ParseTweetOptions } from 'twitter-text';

// The typings omit `configs`, which the library exports at run time.
const { configs } = twitterText as unknown as { configs: { defaults: ParseTweetOptions } };

/**
 * X's weighted length (https://docs.x.com/fundamentals/counting-characters): the official
 * `twitter-text` rules (NFC normalisation, weight 2 for emoji and CJK, every URL as
 * `urlLength`), measured by `parseTweet().weightedLength`.
 */
export function twitterWeightedLength(text: string, urlLength = 23): number {
  return twitterText.parseTweet(text, { ...configs.defaults, transformedURLLength: urlLength })
    .weightedLength;
}
