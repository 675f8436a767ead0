import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AccountCredentials, PublishedPostQuery } from '../../../functions/platforms/connector';
import { createFacebookConnector } from '../../../functions/platforms/facebook';
import {
  FB_TOKENS,
  facebookEndpoints,
  PAGE_A,
  PAGE_C,
  startFacebookStandIn,
} from '../support/facebook-stand-in';
import { rejection } from '../support/meta-connector-suite';
import { metaTestContext, type MetaTestContext } from '../support/meta-graph-stand-in';

let fb: ReturnType<typeof startFacebookStandIn>;
let env: MetaTestContext;

beforeAll(async () => {
  fb = startFacebookStandIn();
  await fb.server.start();
});
afterAll(() => fb.server.close());
beforeEach(() => {
  fb.server.requests.length = 0;
  fb.posts.clear();
  env = metaTestContext(facebookEndpoints(fb.server.baseUrl));
  fb.state.now = () => env.clock.now();
});

const connector = () => createFacebookConnector(env.context);
const page: AccountCredentials = { accountId: PAGE_A, accessToken: FB_TOKENS.pageA, scopes: [] };
const query = (text: string): PublishedPostQuery => ({
  idempotencyKey: crypto.randomUUID(),
  text,
  mediaCount: 0,
  since: new Date(env.clock.now().getTime() - 5 * 60_000),
  until: new Date(env.clock.now().getTime() + 60_000),
});

describe('Facebook Page look-up of an interrupted post', () => {
  it('finds the post among the Page’s published posts of the window, with its permalink', async () => {
    await connector().publish(page, { text: 'Fresh bread today', media: [] });
    env.clock.advance(3_600_000);
    const published = await connector().publish(page, { text: 'Fresh bread today', media: [] });
    await connector().publish(page, { text: 'Closed on Monday', media: [] });
    await connector().publish(
      { accountId: PAGE_C, accessToken: FB_TOKENS.pageC, scopes: [] },
      {
        text: 'Fresh bread today',
        media: [],
      },
    );

    const answer = await connector().findPublished!(page, query('Fresh bread today'));
    expect(answer.matches).toEqual([
      {
        platformPostId: published.platformPostId,
        url: `https://www.facebook.com/${PAGE_A}/posts/${published.platformPostId.split('_')[1]}`,
        publishedAt: env.clock.now(),
        matchedBy: 'content',
      },
    ]);
    // Graph listings lag and have no idempotency key: an empty answer would prove nothing.
    expect(answer.authoritative).toBe(false);
    const [request] = fb.server.calls('GET', /published_posts$/);
    expect(request?.query).toMatchObject({
      fields: 'id,message,created_time,permalink_url',
      since: String(Math.floor((env.clock.now().getTime() - 5 * 60_000) / 1000)),
    });
    expect(request?.headers.authorization).toBe(`Bearer ${FB_TOKENS.pageA}`);
  });

  it('follows cursor pages, and answers a non-authoritative nothing', async () => {
    const first = await connector().publish(page, { text: 'The first of many', media: [] });
    for (let i = 0; i < 60; i += 1) await connector().publish(page, { text: `More ${i}`, media: [] });
    const answer = await connector().findPublished!(page, query('The first of many'));
    expect(answer.matches.map((m) => m.platformPostId)).toEqual([first.platformPostId]);
    expect(fb.server.calls('GET', /published_posts$/)).toHaveLength(2);
    expect(await connector().findPublished!(page, query('Never posted'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
  });

  it('a revoked Page token fails the look-up as auth', async () => {
    const error = await rejection(
      connector().findPublished!({ ...page, accessToken: 'EAArevoked' }, query('x')),
    );
    expect(error.kind).toBe('auth');
  });
});
