import type { AccountCredentials, PostMetrics } from '../connector';
import { tiktokCall, type TikTokSettings } from './api';
import { fetchPublishStatus, postIdOf } from './status';

interface VideoQueryData {
  videos?: {
    id?: string | number;
    view_count?: number;
    like_count?: number;
    comment_count?: number;
    share_count?: number;
  }[];
}

/** video/query takes at most 20 ids per call. */
const QUERY_BATCH = 20;
const isVideoId = (id: string) => /^\d+$/.test(id);

/**
 * Display API `video/query` (scope video.list). A target stored with its publish_id (the post
 * was private or still in moderation when it went out) is first resolved to its video id.
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-query
 */
export async function fetchPostMetrics(
  settings: TikTokSettings,
  credentials: AccountCredentials,
  postIds: string[],
): Promise<PostMetrics[]> {
  const videoIdFor = new Map<string, string>();
  for (const id of postIds) {
    if (isVideoId(id)) {
      videoIdFor.set(id, id);
      continue;
    }
    const resolved = postIdOf(await fetchPublishStatus(settings, credentials.accessToken, id));
    if (resolved) videoIdFor.set(id, resolved);
  }

  const byVideo = new Map<string, NonNullable<VideoQueryData['videos']>[number]>();
  const videoIds = [...new Set(videoIdFor.values())];
  for (let start = 0; start < videoIds.length; start += QUERY_BATCH) {
    const data = await tiktokCall<VideoQueryData>(settings, 'reading video statistics', {
      method: 'POST',
      url: `${settings.apiBase}/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count`,
      accessToken: credentials.accessToken,
      json: { filters: { video_ids: videoIds.slice(start, start + QUERY_BATCH) } },
    });
    for (const video of data.videos ?? []) if (video.id !== undefined) byVideo.set(String(video.id), video);
  }

  const fetchedAt = settings.context.clock.now();
  return postIds.flatMap((id) => {
    const video = byVideo.get(videoIdFor.get(id) ?? '');
    if (!video) return [];
    return [
      {
        platformPostId: id,
        videoViews: video.view_count,
        likes: video.like_count,
        comments: video.comment_count,
        shares: video.share_count,
        fetchedAt,
      },
    ];
  });
}
