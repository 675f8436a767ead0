import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import { instagramCompetitorReader } from '../../../functions/platforms/instagram/competitor';
import { INSTAGRAM_ENDPOINTS } from '../../../functions/platforms/instagram/endpoints';
import { captureLogger } from '../../support/logger';
import { sendJson, startPublicServer } from '../support/public-accounts-stand-in';

type Server = Awaited<ReturnType<typeof startPublicServer>>;
let graph: Server | undefined;
afterEach(async () => {
  await graph?.close();
  graph = undefined;
});

const OWN: AccountCredentials = { accountId: '17841400000000001', accessToken: 'ig-token', scopes: [] };

/**
 * Business Discovery as documented: `GET /{ig-user-id}?fields=business_discovery.username(x){...}`
 * asked with the app user's token; a user name that is not a professional account is Graph error
 * 110 / 2207013.
 */
async function startGraph() {
  return startPublicServer((request, response) => {
    const fields = request.query.get('fields') ?? '';
    const username = /^business_discovery\.username\(([^)]+)\)/.exec(fields)?.[1];
    if (
      request.path !== `/v25.0/${OWN.accountId}` ||
      request.headers.authorization !== 'Bearer ig-token' ||
      !username
    )
      return sendJson(response, 400, {
        error: { message: 'Bad request', type: 'OAuthException', code: 100 },
      });
    if (username !== 'rival.ig')
      return sendJson(response, 400, {
        error: {
          message: 'Invalid user id',
          type: 'OAuthException',
          code: 110,
          error_subcode: 2207013,
          error_user_msg: 'The user could not be found.',
        },
      });
    sendJson(response, 200, {
      business_discovery: {
        id: '17841400000000099',
        username: 'rival.ig',
        name: 'Rival IG',
        profile_picture_url: 'https://cdn.example/p.jpg',
        followers_count: 5000,
        media_count: 321,
        media: {
          data: [
            {
              id: 'm3',
              caption: 'Newest #latte',
              like_count: 120,
              comments_count: 8,
              timestamp: '2030-05-30T10:00:00+0000',
              permalink: 'https://www.instagram.com/p/m3/',
            },
            { id: 'm2', timestamp: '2030-05-20T10:00:00+0000', comments_count: 2 },
            {
              id: 'm1',
              caption: 'Old',
              like_count: 5,
              comments_count: 0,
              timestamp: '2030-04-01T10:00:00+0000',
            },
          ],
        },
      },
      id: OWN.accountId,
    });
  });
}

const readerAt = (url: string) => {
  const context = {
    fetch,
    clock: new ManualClock('2030-05-31T12:00:00Z'),
    logger: captureLogger(),
    timeoutMs: 2000,
  };
  return instagramCompetitorReader(context, { ...INSTAGRAM_ENDPOINTS, api: `${url}/v25.0` });
};

describe('Instagram competitor reader (Business Discovery)', () => {
  it('reads a professional account through the organization’s own account; hidden likes and shares are null with reasons', async () => {
    graph = await startGraph();
    const reading = await readerAt(graph.url).read(
      { handle: '@Rival.IG' },
      { since: new Date('2030-05-01T00:00:00Z'), maxPosts: 100, via: OWN },
    );
    expect(graph.requests[0]!.query.get('fields')).toBe(
      'business_discovery.username(rival.ig){id,username,name,profile_picture_url,followers_count,media_count,media.limit(50){id,caption,like_count,comments_count,timestamp,permalink}}',
    );
    expect(reading.profile).toMatchObject({
      platformAccountId: '17841400000000099',
      handle: 'rival.ig',
      followers: 5000,
      postsCount: 321,
    });
    expect(reading.posts).toEqual([
      {
        externalId: 'm3',
        text: 'Newest #latte',
        url: 'https://www.instagram.com/p/m3/',
        publishedAt: new Date('2030-05-30T10:00:00Z'),
        likes: 120,
        comments: 8,
        shares: null,
      },
      {
        externalId: 'm2',
        text: '',
        url: null,
        publishedAt: new Date('2030-05-20T10:00:00Z'),
        likes: null,
        comments: 2,
        shares: null,
      },
    ]);
    expect(Object.keys(reading.unavailable).sort()).toEqual(['impressions', 'likes', 'shares']);
  });

  it('needs a connected professional account, and refuses a user name it cannot read with Meta’s words', async () => {
    graph = await startGraph();
    const since = new Date(0);
    await expect(readerAt(graph.url).read({ handle: 'rival.ig' }, { since, maxPosts: 10 })).rejects.toThrow(
      /connect one first/,
    );
    await expect(
      readerAt(graph.url).read({ handle: 'not a name!' }, { since, maxPosts: 10, via: OWN }),
    ).rejects.toThrow(/not an Instagram user name/);
    await expect(
      readerAt(graph.url).read({ handle: 'someone.personal' }, { since, maxPosts: 10, via: OWN }),
    ).rejects.toMatchObject({
      kind: 'permanent',
      message: expect.stringMatching(
        /@someone.personal could not be read; only public Business and Creator accounts .*could not be found/,
      ),
    });
  });
});
