import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostDraft, PublishedPostQuery } from '../../../functions/platforms/connector';
import { createTikTokConnector } from '../../../functions/platforms/tiktok';
import {
  creatorCredentials,
  mediaFile,
  NOW,
  startTikTokStandin,
  statusReply,
  tiktokTestContext,
  VIDEO_ID,
  type TikTokStandin,
} from '../support/tiktok-standin';

let standin: TikTokStandin;
beforeEach(async () => {
  standin = await startTikTokStandin();
  standin.now = () => NOW;
});
afterEach(() => standin.close());

const connector = () =>
  createTikTokConnector(tiktokTestContext(standin), {
    sleep: async () => undefined,
    statusPollIntervalMs: 5_000,
    statusPollAttempts: 2,
  });
const draft = (text: string, privacyLevel = 'PUBLIC_TO_EVERYONE'): PostDraft => ({
  text,
  media: [mediaFile(standin, 'clip.mp4', Buffer.from('0123456789'))],
  options: { privacyLevel, disableComment: false, aiGenerated: false },
});
const query = (text: string): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 1,
  since: new Date(NOW.getTime() - 5 * 60_000),
  until: new Date(NOW.getTime() + 60_000),
});

describe('TikTok look-up of an interrupted post', () => {
  it('finds a video whose status polling ran out, by its caption cut at 150 characters', async () => {
    const caption = `${'Behind the scenes of the new studio, '.repeat(5)}#plume`;
    standin.videos.push({
      id: '7400000000000000001',
      title: caption,
      privacy: 'PUBLIC_TO_EVERYONE',
      createTime: NOW.getTime() / 1000 - 7200,
    });
    // TikTok keeps processing past Plume's polling: the publish ends without an answer.
    standin.statuses = [statusReply('PROCESSING_DOWNLOAD')];
    const lost = await connector()
      .publish(creatorCredentials(), draft(caption))
      .then(
        () => undefined,
        (e: unknown) => e as { kind: string },
      );
    expect(lost?.kind).toBe('unknown_outcome');

    const answer = await connector().findPublished!(creatorCredentials(), query(caption));
    expect(answer.matches).toEqual([
      {
        platformPostId: VIDEO_ID,
        url: `https://www.tiktok.com/@plume.creator/video/${VIDEO_ID}`,
        publishedAt: NOW,
        matchedBy: 'content',
      },
    ]);
    expect(answer.authoritative).toBe(false);
    const [request] = standin.find('POST /v2/video/list/');
    expect(request?.query.get('fields')).toBe('id,title,video_description,create_time,share_url');
    expect(request?.json).toEqual({ max_count: 20 });
  });

  it('does not see a private video (an unaudited app posts SELF_ONLY): never authoritative', async () => {
    standin.statuses = [statusReply('PROCESSING_DOWNLOAD')];
    await connector()
      .publish(creatorCredentials(), draft('Only me', 'SELF_ONLY'))
      .catch(() => undefined);
    expect(await connector().findPublished!(creatorCredentials(), query('Only me'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
  });
});
