import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTikTokConnector,
  readTikTokCreatorInfo,
  readTikTokPublishStatus,
} from '../../../functions/platforms/tiktok';
import {
  NOW,
  VIDEO_ID,
  VIDEO_PUBLISH_ID,
  creatorCredentials,
  startTikTokStandin,
  statusReply,
  tiktokTestContext,
  type TikTokStandin,
} from '../support/tiktok-standin';

let standin: TikTokStandin;
beforeEach(async () => {
  standin = await startTikTokStandin();
});
afterEach(() => standin.close());

const context = (timeoutMs?: number) => tiktokTestContext(standin, timeoutMs);

describe('TikTok metrics and run-time limits', () => {
  it('resolves publish ids to video ids, then queries video statistics', async () => {
    standin.statuses = [statusReply('PUBLISH_COMPLETE', `,"publicaly_available_post_id":[${VIDEO_ID}]`)];
    const metrics = await createTikTokConnector(context()).fetchMetrics(creatorCredentials(), [
      VIDEO_PUBLISH_ID,
      '123',
    ]);

    expect(standin.find('POST /v2/post/publish/status/fetch/')[0]!.json).toEqual({
      publish_id: VIDEO_PUBLISH_ID,
    });
    const [query] = standin.find('POST /v2/video/query/');
    expect(query!.query.get('fields')).toBe('id,view_count,like_count,comment_count,share_count');
    expect(query!.json).toEqual({ filters: { video_ids: [VIDEO_ID, '123'] } });
    // Unknown video 123 has no statistics; the publish id is answered under its own id.
    expect(metrics).toEqual([
      {
        platformPostId: VIDEO_PUBLISH_ID,
        videoViews: 1500,
        likes: 120,
        comments: 14,
        shares: 9,
        fetchedAt: NOW,
      },
    ]);
  });

  it('skips a publish id TikTok has not given a video id yet', async () => {
    standin.statuses = [statusReply('PUBLISH_COMPLETE', ',"publicaly_available_post_id":[]')];
    expect(
      await createTikTokConnector(context()).fetchMetrics(creatorCredentials(), [VIDEO_PUBLISH_ID]),
    ).toEqual([]);
    expect(standin.find('POST /v2/video/query/')).toHaveLength(0);
  });

  it('maps a slow statistics read to transient and an expired token to auth', async () => {
    standin.override('POST /v2/video/query/', { status: 200, body: '{}', delayMs: 600 });
    await expect(
      createTikTokConnector(context(150)).fetchMetrics(creatorCredentials(), [VIDEO_ID]),
    ).rejects.toMatchObject({ kind: 'transient' });
    await expect(
      createTikTokConnector(context()).fetchMetrics(creatorCredentials({ accessToken: 'old' }), [VIDEO_ID]),
    ).rejects.toMatchObject({ kind: 'auth' });
  });

  it('reads the creator’s maximum video duration and posting options at run time', async () => {
    expect(await createTikTokConnector(context()).readLimits!(creatorCredentials())).toEqual({
      maxVideoDurationSeconds: 300,
    });
    const info = await readTikTokCreatorInfo(context(), creatorCredentials());
    expect(info.privacy_level_options).toEqual(['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']);
  });

  it('reads a publish status for reconciliation with the post id intact', async () => {
    standin.statuses = [statusReply('PUBLISH_COMPLETE', `,"publicaly_available_post_id":[${VIDEO_ID}]`)];
    const status = await readTikTokPublishStatus(context(), creatorCredentials(), VIDEO_PUBLISH_ID);
    expect(status).toEqual({ status: 'PUBLISH_COMPLETE', publicaly_available_post_id: [VIDEO_ID] });
  });
});
