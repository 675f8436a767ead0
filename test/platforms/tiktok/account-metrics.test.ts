import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTikTokConnector } from '../../../functions/platforms/tiktok';
import {
  creatorCredentials,
  startTikTokStandin,
  tiktokTestContext,
  type TikTokStandin,
} from '../support/tiktok-standin';

let standin: TikTokStandin;
beforeEach(async () => {
  standin = await startTikTokStandin();
});
afterEach(() => standin.close());

describe('TikTok account metrics', () => {
  it('reads follower_count, following_count and video_count from user/info', async () => {
    const metrics = await createTikTokConnector(tiktokTestContext(standin)).fetchAccountMetrics!(
      creatorCredentials(),
    );
    const [call] = standin.find('GET /v2/user/info/');
    expect(call!.query.get('fields')).toBe('follower_count,following_count,video_count');
    expect(metrics).toMatchObject({
      followers: 8800,
      following: 120,
      posts: 64,
      source: 'TikTok Display API, GET /v2/user/info',
    });
    expect(metrics.impressions).toBeUndefined();
  });

  it('a revoked token is an auth error', async () => {
    await expect(
      createTikTokConnector(tiktokTestContext(standin)).fetchAccountMetrics!({
        ...creatorCredentials(),
        accessToken: 'revoked',
      }),
    ).rejects.toMatchObject({ kind: 'auth' });
  });
});
