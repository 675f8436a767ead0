import type { AccountCredentials, FoundPost, PublishedPostLookup, PublishedPostQuery } from '../connector';
import { sameText, withinWindow } from '../lookup-text';
import { tiktokCall, type TikTokSettings } from './api';
import { videoUrl } from './status';

interface VideoListData {
  videos?: {
    id?: string | number;
    title?: string;
    video_description?: string;
    create_time?: number;
    share_url?: string;
  }[];
  cursor?: number;
  has_more?: boolean;
}

/** The list answers at most 20 a page (https://developers.tiktok.com/doc/tiktok-api-v2-video-list). */
const PAGE_SIZE = 20;
const MAX_PAGES = 3;
/** `title` and `video_description` are listed cut at 150 characters. */
const LISTED_LENGTH = 150;

/**
 * Looks for an interrupted post among the creator's videos (`POST /v2/video/list/`, scope
 * `video.list`, newest first), by its caption (listed cut at 150 characters) within the window.
 * Never authoritative: the list shows only public videos (an unaudited app posts privately),
 * a Direct Post can still be in moderation, and TikTok has no idempotency key.
 */
export async function findTikTokPost(
  settings: TikTokSettings,
  credentials: AccountCredentials,
  query: PublishedPostQuery,
): Promise<PublishedPostLookup> {
  const matches: FoundPost[] = [];
  let cursor: number | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const data = await tiktokCall<VideoListData>(settings, "listing the creator's videos", {
      method: 'POST',
      url: `${settings.apiBase}/v2/video/list/?fields=id,title,video_description,create_time,share_url`,
      accessToken: credentials.accessToken,
      json: { max_count: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
    });
    let passedWindow = false;
    for (const video of data.videos ?? []) {
      if (video.id === undefined) continue;
      const createdAt = video.create_time === undefined ? undefined : new Date(video.create_time * 1000);
      if (createdAt && createdAt.getTime() < query.since.getTime()) passedWindow = true;
      if (!withinWindow(createdAt, query)) continue;
      const listed = [video.title, video.video_description].filter((text): text is string => Boolean(text));
      if (listed.some((text) => sameText(query.text, text, { truncatedAt: LISTED_LENGTH }))) {
        const id = String(video.id);
        matches.push({
          platformPostId: id,
          url: video.share_url ?? videoUrl(credentials.handle, id),
          publishedAt: createdAt,
          matchedBy: 'content',
        });
      }
    }
    if (passedWindow || !data.has_more || data.cursor === undefined) break;
    cursor = data.cursor;
  }
  return {
    matches,
    authoritative: false,
    searched: `the creator's public TikTok videos since ${query.since.toISOString()}`,
  };
}
