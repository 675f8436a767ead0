import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import type { MentionsReader, MentionsReadOptions } from '../../../functions/platforms/mentions-reader';
import { mentionsReaderFor } from '../../../functions/platforms/mentions-readers';
import { listen, type Listening, type StandInResponse } from '../../adapters/support/stand-in-http';
import { captureLogger } from '../../support/logger';

/**
 * The X mentions reader against a stand-in of the documented mentions timeline
 * (https://docs.x.com/x-api/posts/user-mention-timeline-by-user-id): `GET /2/users/:id/mentions`
 * newest first, `since_id` / `start_time`, `max_results` up to 100, `pagination_token` to older
 * pages, the authors under `includes.users` with `expansions=author_id`; a 403 for an app whose
 * access level lacks the endpoint (`client-not-enrolled`), 401 for a bad token, 429 with
 * `x-rate-limit-reset`.
 */

const NOW = new Date('2031-05-01T12:00:00.000Z');
const OWN_ID = '1500000000000000001';

interface Tweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: { type: string; id: string }[];
}

const tweets: Tweet[] = [];
const calls: URLSearchParams[] = [];
let server: Listening;
let mode: 'ok' | 'not-enrolled' | 'rate-limited' = 'ok';
let reader: MentionsReader;
let credentials: AccountCredentials;

const cmp = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

function tweet(n: number): Tweet {
  const id = String(1600000000000000000n + BigInt(n));
  const kind = n % 5 === 0 ? 'reply' : n % 7 === 0 ? 'quote' : 'mention';
  return {
    id,
    text: `@loafco crumb ${n}`,
    author_id: `u${n % 4}`,
    created_at: new Date(Date.UTC(2031, 4, 1, 8, n)).toISOString(),
    conversation_id: kind === 'reply' ? '1550000000000000000' : id,
    ...(kind === 'reply'
      ? {
          in_reply_to_user_id: OWN_ID,
          referenced_tweets: [{ type: 'replied_to', id: '1550000000000000000' }],
        }
      : kind === 'quote'
        ? { referenced_tweets: [{ type: 'quoted', id: '1550000000000000009' }] }
        : {}),
  };
}

function send(
  response: StandInResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const read = (options: Partial<MentionsReadOptions> = {}, who = credentials) =>
  reader.read(who, {
    cursor: null,
    since: new Date('2031-04-01T00:00:00.000Z'),
    max: 500,
    ownPostIds: [],
    ...options,
  });

beforeAll(async () => {
  tweets.push(...Array.from({ length: 230 }, (_, i) => tweet(i + 1)));
  server = await listen(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const match = /^\/2\/users\/(\d+)\/mentions$/.exec(url.pathname);
    if (!match) return send(response, 404, { title: 'Not Found Error' });
    calls.push(url.searchParams);
    if (request.headers.authorization !== 'Bearer good')
      return send(response, 401, {
        title: 'Unauthorized',
        type: 'about:blank',
        status: 401,
        detail: 'Unauthorized',
      });
    if (mode === 'not-enrolled')
      return send(response, 403, {
        client_id: '1',
        detail:
          'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
        reason: 'client-not-enrolled',
        title: 'Client Forbidden',
        type: 'https://api.twitter.com/2/problems/client-forbidden',
      });
    if (mode === 'rate-limited')
      return send(
        response,
        429,
        { title: 'Too Many Requests', status: 429, detail: 'Too Many Requests' },
        {
          'x-rate-limit-reset': String(Math.floor(NOW.getTime() / 1000) + 900),
          'x-rate-limit-remaining': '0',
        },
      );
    const max = Number(url.searchParams.get('max_results') ?? 10);
    if (max < 5 || max > 100) return send(response, 400, { title: 'Invalid Request', detail: 'max_results' });
    const sinceId = url.searchParams.get('since_id');
    const start = url.searchParams.get('start_time');
    const token = url.searchParams.get('pagination_token');
    const matching = tweets
      .filter((t) => !sinceId || cmp(t.id, sinceId) > 0)
      .filter((t) => !start || t.created_at >= start)
      .filter((t) => !token || cmp(t.id, token) < 0)
      .sort((a, b) => cmp(b.id, a.id));
    const page = matching.slice(0, max);
    if (page.length === 0) return send(response, 200, { meta: { result_count: 0 } });
    const users = [...new Set(page.map((t) => t.author_id))].map((id) => ({
      id,
      username: `fan_${id}`,
      name: `Fan ${id}`,
    }));
    return send(response, 200, {
      data: page.map((t) => ({ ...t, edit_history_tweet_ids: [t.id] })),
      includes: { users },
      meta: {
        result_count: page.length,
        newest_id: page[0]!.id,
        oldest_id: page.at(-1)!.id,
        ...(matching.length > max ? { next_token: page.at(-1)!.id } : {}),
      },
    });
  });
  const found = mentionsReaderFor('twitter', {
    fetch,
    clock: new ManualClock(NOW),
    logger: captureLogger(),
    timeoutMs: 5_000,
    endpoints: { api: server.url },
  });
  if (!found) throw new Error('no X reader');
  reader = found;
  credentials = {
    accountId: OWN_ID,
    handle: 'loafco',
    accessToken: 'good',
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
  };
});

afterAll(async () => {
  await server?.close();
});

describe('X mentions reader', () => {
  it('reads back to `since` over pages, returns them oldest first with authors, replies and quotes told apart', async () => {
    calls.length = 0;
    const reading = await read();
    expect(reading.mentions).toHaveLength(230);
    expect(reading.mentions.map((m) => m.text)).toEqual(tweets.map((t) => t.text));
    expect(reading.mentions[0]).toMatchObject({
      kind: 'mention',
      authorHandle: 'fan_u1',
      authorName: 'Fan u1',
      url: `https://x.com/fan_u1/status/${tweets[0]!.id}`,
      mentionedAt: new Date(tweets[0]!.created_at),
      replyRef: { inReplyToTweetId: tweets[0]!.id },
    });
    expect(reading.mentions[4]).toMatchObject({ kind: 'reply', parentExternalId: '1550000000000000000' });
    expect(reading.mentions[6]).toMatchObject({ kind: 'quote', parentExternalId: '1550000000000000009' });
    expect(reading.cursor).toBe(tweets.at(-1)!.id);
    expect(reading.gap).toBe(false);
    expect(calls).toHaveLength(3);
    expect(calls[0]!.get('start_time')).toBe('2031-04-01T00:00:00Z');
    expect(calls[0]!.get('expansions')).toBe('author_id');
    expect(calls[1]!.get('pagination_token')).toBe(tweets[130]!.id);
  });

  it('from the cursor (since_id): nothing, then only the new ones', async () => {
    expect((await read({ cursor: tweets.at(-1)!.id })).mentions).toEqual([]);
    tweets.push(tweet(231), tweet(232));
    const next = await read({ cursor: tweet(230).id });
    expect(next.mentions.map((m) => m.text)).toEqual(['@loafco crumb 231', '@loafco crumb 232']);
    expect(calls.at(-1)!.get('since_id')).toBe(tweet(230).id);
  });

  it('a bound smaller than the backlog: the oldest first, the rest from the new cursor, without a hole', async () => {
    const seen: string[] = [];
    let cursor: string | null = tweet(100).id;
    let more = true;
    for (let run = 0; more && run < 10; run += 1) {
      const reading = await read({ cursor, max: 50 });
      seen.push(...reading.mentions.map((m) => m.text.split(' ').at(-1)!));
      cursor = reading.cursor;
      more = reading.more;
    }
    expect(seen).toEqual(Array.from({ length: 132 }, (_, i) => String(i + 101)));
  });

  it('without tweet.read or users.read in the grant, or on an access level without mentions: a permanent error that says so', async () => {
    const before = calls.length;
    const missing = await read({}, { ...credentials, scopes: ['tweet.read', 'tweet.write'] }).catch(
      (e: unknown) => e,
    );
    expect((missing as PlatformError).kind).toBe('permanent');
    expect((missing as PlatformError).message).toContain('users.read');
    expect(calls.length).toBe(before);
    mode = 'not-enrolled';
    const refused = await read().catch((e: unknown) => e);
    mode = 'ok';
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).kind).toBe('permanent');
    expect((refused as PlatformError).message).toMatch(/access level.*mentions timeline/);
  });

  it('a bad token is auth; a 429 is rate_limited until x-rate-limit-reset', async () => {
    const revoked = await read({}, { ...credentials, accessToken: 'old' }).catch((e: unknown) => e);
    expect((revoked as PlatformError).kind).toBe('auth');
    mode = 'rate-limited';
    const limited = await read().catch((e: unknown) => e);
    mode = 'ok';
    expect((limited as PlatformError).kind).toBe('rate_limited');
    expect((limited as PlatformError).details.retryAfterSeconds).toBe(900);
  });
});
