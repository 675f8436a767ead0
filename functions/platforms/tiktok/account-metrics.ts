import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics } from '../connector';
import { tiktokCall, type TikTokSettings } from './api';

interface UserStats {
  user?: { follower_count?: number; following_count?: number; video_count?: number };
}

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The creator's counts from `GET /v2/user/info/?fields=follower_count,following_count,video_count`
 * (scope `user.info.stats`: https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info).
 */
export async function fetchTikTokAccountMetrics(
  settings: TikTokSettings,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const data = await tiktokCall<UserStats>(settings, 'reading the creator counts', {
    method: 'GET',
    url: `${settings.apiBase}/v2/user/info/?fields=follower_count,following_count,video_count`,
    accessToken: credentials.accessToken,
  });
  return {
    followers: count(data.user?.follower_count),
    following: count(data.user?.following_count),
    posts: count(data.user?.video_count),
    source: platformProfile('tiktok').accountMetrics.source,
    fetchedAt: settings.context.clock.now(),
  };
}
