import { countGraphemes } from '../text-measures';
import { isMarkerTag } from './failure-markers';

/**
 * What the engagement model reads from a post (README.md, "Content"). Pure, so the
 * composer could show the same numbers.
 */
export interface ContentFeatures {
  /** User-perceived characters (grapheme clusters). */
  length: number;
  images: number;
  videos: number;
  gifs: number;
  /** Hashtags other than sandbox failure markers. */
  hashtags: number;
  mentions: number;
  links: number;
  question: boolean;
  /** Replies posted under the post (a thread). */
  threadReplies: number;
}

const LINK = /\bhttps?:\/\/[^\s<>"]+/giu;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/])#([\p{L}\p{N}_][\p{L}\p{N}_-]*)/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_@])@([a-z0-9][a-z0-9_.-]*)/giu;

export function hashtagsOf(text: string): string[] {
  const withoutLinks = text.replace(LINK, ' ');
  return [...withoutLinks.matchAll(HASHTAG)].map((m) => m[1] as string).filter((tag) => !isMarkerTag(tag));
}

export function linksOf(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0]);
}

export function mentionsOf(text: string): string[] {
  return [...text.replace(LINK, ' ').matchAll(MENTION)].map((m) => m[1] as string);
}

export function contentFeatures(input: {
  text: string;
  media: readonly { kind: 'image' | 'video' | 'gif' }[];
  threadReplies?: number;
}): ContentFeatures {
  const { text, media } = input;
  return {
    length: countGraphemes(text),
    images: media.filter((m) => m.kind === 'image').length,
    videos: media.filter((m) => m.kind === 'video').length,
    gifs: media.filter((m) => m.kind === 'gif').length,
    hashtags: hashtagsOf(text).length,
    mentions: mentionsOf(text).length,
    links: linksOf(text).length,
    question: /\?/u.test(text.replace(LINK, ' ')),
    threadReplies: input.threadReplies ?? 0,
  };
}
