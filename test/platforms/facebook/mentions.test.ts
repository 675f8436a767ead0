import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import type { MentionsReader, MentionsReadOptions } from '../../../functions/platforms/mentions-reader';
import { mentionsReaderFor } from '../../../functions/platforms/mentions-readers';
import {
  bearer,
  graphError,
  GraphStandIn,
  INVALID_TOKEN,
  metaTestContext,
} from '../support/meta-graph-stand-in';

/**
 * The Facebook mentions reader: comments on the Page's recent posts, read from a Graph stand-in
 * that pages `/{page-post-id}/comments` as documented (`filter=stream` brings replies to
 * comments with their `parent`, `order=reverse_chronological`, cursor paging with `after` and a
 * `next` link). Each comment once across reads, oldest first; the Page's own answers left out;
 * a missing permission a clear permanent error, not a broken account; a deleted post skipped.
 */

const PAGE_ID = '1020';
const graph = new GraphStandIn();
let reader: MentionsReader;
let credentials: AccountCredentials;

interface Comment {
  id: string;
  message: string;
  created_time: string;
  from: { id: string; name: string };
  parent?: { id: string };
  permalink_url: string;
}
const comments = new Map<string, Comment[]>();

/** `2025-06-01T<hh>:<mm>:00+0000`, as Meta writes times. */
const at = (minute: number) =>
  `2025-06-01T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+0000`;

function add(post: string, n: number, extra: Partial<Comment> = {}): Comment {
  const item = {
    id: `${post}_c${n}`,
    message: `Comment ${n} on ${post}`,
    created_time: at(n),
    from: { id: `fan${n}`, name: `Fan ${n}` },
    permalink_url: `https://www.facebook.com/${post}?comment_id=${n}`,
    ...extra,
  };
  comments.set(post, [...(comments.get(post) ?? []), item]);
  return item;
}

const read = (options: Partial<MentionsReadOptions> = {}, who = credentials) =>
  reader.read(who, {
    cursor: null,
    since: new Date('2025-05-01T00:00:00Z'),
    max: 500,
    ownPostIds: [`${PAGE_ID}_1`, `${PAGE_ID}_2`, `${PAGE_ID}_gone`],
    ...options,
  });

beforeAll(async () => {
  graph.route('GET', /^\/([^/]+)\/comments$/, (request, match) => {
    if (bearer(request) !== 'page-token') return INVALID_TOKEN;
    const post = match[1]!;
    if (post.endsWith('_gone'))
      return graphError(400, {
        message: "Unsupported get request. Object with ID '1020_gone' does not exist",
        code: 100,
        error_subcode: 33,
      });
    expect(request.query).toMatchObject({ filter: 'stream', order: 'reverse_chronological' });
    const all = [...(comments.get(post) ?? [])].sort((a, b) => (a.created_time < b.created_time ? 1 : -1));
    const limit = Number(request.query.limit ?? 25);
    const start = Number(request.query.after ?? 0);
    const data = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      body: {
        data,
        paging: {
          cursors: { before: String(start), after: String(start + data.length) },
          ...(more ? { next: `${graph.baseUrl}/${post}/comments?after=${start + data.length}` } : {}),
        },
      },
    };
  });
  const base = await graph.start();
  for (let n = 1; n <= 130; n += 1) add(`${PAGE_ID}_1`, n);
  add(`${PAGE_ID}_2`, 5, { message: 'Where is my order?' });
  add(`${PAGE_ID}_2`, 6, {
    from: { id: PAGE_ID, name: 'Loaf & Co' },
    parent: { id: `${PAGE_ID}_2_c5` },
    message: 'We are on it',
  });
  add(`${PAGE_ID}_2`, 7, { parent: { id: `${PAGE_ID}_2_c5` }, message: 'Same here' });
  const found = mentionsReaderFor('facebook', metaTestContext({ api: base }).context);
  if (!found) throw new Error('no Facebook reader');
  reader = found;
  credentials = {
    accountId: PAGE_ID,
    accessToken: 'page-token',
    scopes: ['pages_show_list', 'pages_read_engagement', 'pages_read_user_content', 'pages_manage_posts'],
  };
});

afterAll(async () => {
  await graph.close();
});

describe('Facebook mentions reader', () => {
  let cursor: string | null = null;

  it('reads the comments of every recent post over pages, oldest first, replies with their parent, the Page’s own answers left out', async () => {
    const reading = await read();
    expect(reading.mentions).toHaveLength(132);
    const onSecond = reading.mentions.filter((m) => m.parentExternalId !== `${PAGE_ID}_1`);
    expect(onSecond.map((m) => [m.kind, m.text, m.parentExternalId])).toEqual([
      ['comment', 'Where is my order?', `${PAGE_ID}_2`],
      ['reply', 'Same here', `${PAGE_ID}_2_c5`],
    ]);
    expect(reading.mentions[0]).toMatchObject({
      externalId: `${PAGE_ID}_1_c1`,
      authorName: 'Fan 1',
      mentionedAt: new Date('2025-06-01T08:01:00Z'),
      url: `https://www.facebook.com/${PAGE_ID}_1?comment_id=1`,
      replyRef: { commentId: `${PAGE_ID}_1_c1`, postId: `${PAGE_ID}_1` },
    });
    const times = reading.mentions.map((m) => m.mentionedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(reading.gap).toBe(false);
    cursor = reading.cursor;
    expect(cursor).toBe(`2025-06-01T10:10:00.000Z|${PAGE_ID}_1_c130`);
  });

  it('from the cursor: nothing again; a new comment alone, found on the first page', async () => {
    expect((await read({ cursor })).mentions).toEqual([]);
    add(`${PAGE_ID}_2`, 140, { message: 'Still waiting' });
    const before = graph.requests.length;
    const next = await read({ cursor });
    expect(next.mentions.map((m) => m.text)).toEqual(['Still waiting']);
    // One page a post: the newest-first order lets the read stop at the cursor.
    expect(graph.requests.length - before).toBe(3);
  });

  it('a bound: the oldest first, the rest on the next reads, without a hole', async () => {
    const seen: string[] = [];
    let from: string | null = null;
    let more = true;
    for (let run = 0; more && run < 10; run += 1) {
      const reading = await read({ cursor: from, max: 40 });
      seen.push(...reading.mentions.map((m) => m.externalId));
      from = reading.cursor;
      more = reading.more;
    }
    expect(seen).toHaveLength(133);
    expect(new Set(seen).size).toBe(133);
  });

  it('without pages_read_user_content: a permanent error naming it; Meta’s permission refusal likewise, not an auth failure', async () => {
    const before = graph.requests.length;
    const missing = await read(
      {},
      { ...credentials, scopes: ['pages_show_list', 'pages_read_engagement'] },
    ).catch((e: unknown) => e);
    expect((missing as PlatformError).kind).toBe('permanent');
    expect((missing as PlatformError).message).toContain('pages_read_user_content');
    expect(graph.requests.length).toBe(before);
    graph.failNext(
      'GET',
      /\/comments$/,
      graphError(403, {
        message: '(#10) This endpoint requires the pages_read_user_content permission',
        code: 10,
      }),
    );
    const refused = await read({}, { ...credentials, scopes: [] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).kind).toBe('permanent');
    expect((refused as PlatformError).message).toMatch(/reconnect the account.*#10/);
  });

  it('an expired token is auth; a throttled app is rate_limited', async () => {
    const expired = await read({}, { ...credentials, accessToken: 'old' }).catch((e: unknown) => e);
    expect((expired as PlatformError).kind).toBe('auth');
    graph.failNext(
      'GET',
      /\/comments$/,
      graphError(400, { message: '(#4) Application request limit reached', code: 4 }),
    );
    const limited = await read().catch((e: unknown) => e);
    expect((limited as PlatformError).kind).toBe('rate_limited');
  });
});
