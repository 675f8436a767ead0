import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformError, PublishedPostQuery } from '../../../functions/platforms/connector';
import { twitterUnderTest } from '../support/twitter-connector';
import { startTwitterStandIn, type TwitterStandIn } from '../support/twitter-stand-in';

let standIn: TwitterStandIn;
beforeAll(async () => {
  standIn = await startTwitterStandIn();
});
afterAll(() => standIn.close());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function setUp() {
  const under = twitterUnderTest(standIn);
  const query = (text: string): PublishedPostQuery => ({
    idempotencyKey: crypto.randomUUID(),
    text,
    mediaCount: 0,
    since: new Date(under.clock.now().getTime() - 5 * 60_000),
    until: new Date(under.clock.now().getTime() + 60_000),
  });
  return { ...under, query };
}

describe('X look-up of an interrupted post', () => {
  it('finds the post in the account’s timeline although X shortened its link and escaped it', async () => {
    const { connector, credentials, query } = setUp();
    const text = `Tea & cake <today> at https://example.com/cafe?x=1 ${crypto.randomUUID().slice(0, 6)}`;
    const published = await connector.publish(credentials, { text, media: [], thread: ['and a reply'] });

    const answer = await connector.findPublished!(credentials, query(text));
    expect(answer.matches).toEqual([
      {
        platformPostId: published.platformPostId,
        url: published.url,
        publishedAt: expect.any(Date),
        matchedBy: 'content',
      },
    ]);
    // X cannot prove absence: a person decides when it is not found.
    expect(answer.authoritative).toBe(false);
    const [request] = standIn.requestsTo('GET', '/2/users/2244994945/tweets').slice(-1);
    expect(request?.query.get('exclude')).toBe('replies,retweets');
    expect(request?.query.get('start_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(request?.headers.authorization).toBe('Bearer token-alice');
  });

  it('matches a post with media, whose listed text ends with the media link', async () => {
    const { connector, credentials, query } = setUp();
    const text = `Look at this ${crypto.randomUUID().slice(0, 6)}`;
    const url = standIn.addFile(`look-${text.slice(-6)}.png`, 'image/png', png);
    const published = await connector.publish(credentials, {
      text,
      media: [{ id: 'm', kind: 'image', mimeType: 'image/png', bytes: png.length, url }],
    });
    const answer = await connector.findPublished!(credentials, { ...query(text), mediaCount: 1 });
    expect(answer.matches.map((m) => m.platformPostId)).toEqual([published.platformPostId]);
  });

  it('answers nothing found, never authoritative, for a post that is not there', async () => {
    const { connector, credentials, query } = setUp();
    expect(await connector.findPublished!(credentials, query('Never tweeted'))).toMatchObject({
      matches: [],
      authoritative: false,
    });
  });

  it('a refused read is a failed look-up', async () => {
    const { connector, credentials, query } = setUp();
    const error = await connector.findPublished!({ ...credentials, accessToken: 'expired' }, query('x')).then(
      () => undefined,
      (e: unknown) => e as PlatformError,
    );
    expect(error?.kind).toBe('auth');
  });
});
