import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformError, PublishedPostQuery } from '../../../functions/platforms/connector';
import { mastodonUnderTest } from '../support/mastodon-connector';
import { startMastodonStandIn, type MastodonStandIn } from '../support/mastodon-stand-in';

let standIn: MastodonStandIn;
beforeAll(async () => {
  standIn = await startMastodonStandIn();
});
afterAll(() => standIn.close());

function setUp() {
  const under = mastodonUnderTest(standIn);
  standIn.now = () => under.clock.now();
  const query = (text: string, sinceMs = 5 * 60_000): PublishedPostQuery => ({
    idempotencyKey: crypto.randomUUID(),
    text,
    mediaCount: 0,
    since: new Date(under.clock.now().getTime() - sinceMs),
    until: new Date(under.clock.now().getTime() + 60_000),
  });
  return { ...under, query };
}

describe('Mastodon look-up of an interrupted post', () => {
  beforeEach(() => standIn.statuses.clear());

  it('finds the status among the account’s own, by its text read back from the HTML', async () => {
    const { connector, credentials, clock, query } = setUp();
    await connector.publish(credentials, { text: 'Same words', media: [] });
    clock.advance(3_600_000);
    const text = 'Fish & chips <3 at https://example.com/menu?day=1&x=2\nsee you';
    const published = await connector.publish(credentials, { text, media: [], thread: [text] });
    await connector.publish(credentials, { text: 'Same words', media: [] });

    const answer = await connector.findPublished!(credentials, query(text));
    expect(answer.matches).toEqual([
      {
        platformPostId: published.platformPostId,
        url: published.url,
        publishedAt: clock.now(),
        matchedBy: 'content',
      },
    ]);
    expect(answer.authoritative).toBe(true);
    const [request] = standIn.requestsTo('GET', '/api/v1/accounts/109/statuses');
    expect(request?.query.get('exclude_replies')).toBe('true');
    expect(request?.headers.authorization).toBe('Bearer token-alice');
    // The old status with the same words is outside the window.
    expect((await connector.findPublished!(credentials, query('Same words'))).matches).toHaveLength(1);
  });

  it('pages with max_id until it passes the window', async () => {
    const { connector, credentials, clock, query } = setUp();
    const first = await connector.publish(credentials, { text: 'Buried', media: [] });
    for (let i = 0; i < 45; i += 1) await connector.publish(credentials, { text: `Later ${i}`, media: [] });
    clock.advance(1_000);
    const answer = await connector.findPublished!(credentials, query('Buried'));
    expect(answer.matches.map((m) => m.platformPostId)).toEqual([first.platformPostId]);
    expect(answer.authoritative).toBe(true);
    expect(
      standIn.requestsTo('GET', '/api/v1/accounts/109/statuses').at(-1)?.query.get('max_id'),
    ).toBeTruthy();
  });

  it('is authoritative only while the instance holds the attempt’s Idempotency-Key (an hour)', async () => {
    const { connector, credentials, query } = setUp();
    expect(await connector.findPublished!(credentials, query('Not there', 5 * 60_000))).toMatchObject({
      matches: [],
      authoritative: true,
    });
    expect(await connector.findPublished!(credentials, query('Not there', 55 * 60_000))).toMatchObject({
      matches: [],
      authoritative: false,
    });
  });

  it('a retry within the hour sends the same key, so the instance answers with the status it has', async () => {
    const { connector, credentials } = setUp();
    const draft = { text: 'Exactly once', media: [] };
    const first = await connector.publish(credentials, draft);
    const again = await connector.publish(credentials, draft);
    expect(again.platformPostId).toBe(first.platformPostId);
    expect(standIn.statuses.size).toBe(1);
  });

  it('a refused token is an auth failure of the look-up, not “not there”', async () => {
    const { connector, credentials, query } = setUp();
    const error = await connector.findPublished!({ ...credentials, accessToken: 'revoked' }, query('x')).then(
      () => undefined,
      (e: unknown) => e as PlatformError,
    );
    expect(error?.kind).toBe('auth');
  });
});
