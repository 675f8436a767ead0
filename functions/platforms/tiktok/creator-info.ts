import { tiktokCall, type TikTokSettings } from './api';

/** `creator_info/query` data: what this creator may post right now. */
export interface CreatorInfo {
  creator_avatar_url?: string;
  creator_username?: string;
  creator_nickname?: string;
  privacy_level_options?: string[];
  comment_disabled?: boolean;
  duet_disabled?: boolean;
  stitch_disabled?: boolean;
  max_video_post_duration_sec?: number;
}

/**
 * Must be called before every Direct Post (and to render the post form): it returns the privacy
 * levels the creator may use, the interactions they have turned off, and their maximum video
 * duration. It fails with `spam_risk_too_many_posts` and the like when the creator cannot post.
 * https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info
 */
export function queryCreatorInfo(settings: TikTokSettings, accessToken: string): Promise<CreatorInfo> {
  return tiktokCall<CreatorInfo>(settings, 'reading the creator’s posting options', {
    method: 'POST',
    url: `${settings.apiBase}/v2/post/publish/creator_info/query/`,
    accessToken,
  });
}
