import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformError } from '../../../functions/platforms/connector';
import { type AccountCredentials } from '../../../functions/platforms/connector';
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
 * The Instagram mentions reader: comments and their replies on the account's recent media,
 * from a stand-in of graph.instagram.com's `/{ig-media-id}/comments` (fields with `replies`,
 * cursor paging, at most 50 a page, in no promised order). Each once, oldest first; the
 * account's own replies left out; the comment to answer kept for a reply to a reply.
 */

const graph = new GraphStandIn();
let reader: MentionsReader;
let credentials: AccountCredentials;

interface Reply {
  id: string;
  text: string;
  timestamp: string;
  username: string;
}
const comments = new Map<string, (Reply & { replies?: { data: Reply[] } })[]>();
const at = (minute: number) =>
  new Date(Date.UTC(2025, 5, 1, 9, minute)).toISOString().replace('.000Z', '+0000');

const read = (options: Partial<MentionsReadOptions> = {}, who = credentials) =>
  reader.read(who, {
    cursor: null,
    since: new Date('2025-05-01T00:00:00Z'),
    max: 500,
    ownPostIds: ['17900000000000001', '17900000000000002'],
    ...options,
  });

beforeAll(async () => {
  graph.route('GET', /^\/(\d+)\/comments$/, (request, match) => {
    if (bearer(request) !== 'ig-token') return INVALID_TOKEN;
    expect(request.query.fields).toContain('replies{');
    const all = comments.get(match[1]!) ?? [];
    const limit = Math.min(50, Number(request.query.limit ?? 25));
    const start = Number(request.query.after ?? 0);
    const data = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return {
      body: {
        data,
        paging: {
          cursors: { before: String(start), after: String(start + data.length) },
          ...(more ? { next: `${graph.baseUrl}/${match[1]}/comments?after=${start + data.length}` } : {}),
        },
      },
    };
  });
  const base = await graph.start();
  // 70 comments on the first media, in no particular order (odd minutes, then even ones).
  const first = [
    ...Array.from({ length: 35 }, (_, i) => 2 * i + 1),
    ...Array.from({ length: 35 }, (_, i) => 2 * i + 2),
  ];
  comments.set(
    '17900000000000001',
    first.map((n) => ({ id: `1790000${n}`, text: `Nice ${n}`, timestamp: at(n), username: `fan${n}` })),
  );
  comments.set('17900000000000002', [
    {
      id: '18000000000000001',
      text: 'Is this vegan?',
      timestamp: at(80),
      username: 'curious',
      replies: {
        data: [
          { id: '18000000000000002', text: 'Yes it is', timestamp: at(81), username: 'loafco' },
          { id: '18000000000000003', text: 'Thanks!', timestamp: at(82), username: 'curious' },
        ],
      },
    },
  ]);
  const found = mentionsReaderFor('instagram', metaTestContext({ api: base }).context);
  if (!found) throw new Error('no Instagram reader');
  reader = found;
  credentials = {
    accountId: '17841400000000000',
    handle: 'loafco',
    accessToken: 'ig-token',
    scopes: ['instagram_business_basic', 'instagram_business_manage_comments'],
  };
});

afterAll(async () => {
  await graph.close();
});

describe('Instagram mentions reader', () => {
  it('reads every page of each media, returns them oldest first; replies keep the comment to answer; own replies left out', async () => {
    const reading = await read();
    expect(reading.mentions.map((m) => m.text)).toEqual([
      ...Array.from({ length: 70 }, (_, i) => `Nice ${i + 1}`),
      'Is this vegan?',
      'Thanks!',
    ]);
    expect(reading.mentions.at(-2)).toMatchObject({
      kind: 'comment',
      authorHandle: 'curious',
      parentExternalId: '17900000000000002',
      replyRef: { commentId: '18000000000000001', mediaId: '17900000000000002' },
    });
    expect(reading.mentions.at(-1)).toMatchObject({
      kind: 'reply',
      parentExternalId: '18000000000000001',
      replyRef: { commentId: '18000000000000001' },
      mentionedAt: new Date('2025-06-01T10:22:00Z'),
    });
    expect(reading.gap).toBe(false);
    const again = await read({ cursor: reading.cursor });
    expect(again.mentions).toEqual([]);
  });

  it('a bound: oldest first across media, the rest next time, without a hole', async () => {
    const first = await read({ max: 60 });
    expect(first.more).toBe(true);
    const second = await read({ cursor: first.cursor, max: 60 });
    expect([...first.mentions, ...second.mentions].map((m) => m.externalId)).toHaveLength(72);
    expect(second.more).toBe(false);
  });

  it('without instagram_business_manage_comments, or refused for it: a permanent error naming it; an expired token is auth', async () => {
    const missing = await read({}, { ...credentials, scopes: ['instagram_business_basic'] }).catch(
      (e: unknown) => e,
    );
    expect((missing as PlatformError).kind).toBe('permanent');
    expect((missing as PlatformError).message).toContain('instagram_business_manage_comments');
    graph.failNext('GET', /\/comments$/, graphError(403, { message: '(#200) Permissions error', code: 200 }));
    const refused = await read().catch((e: unknown) => e);
    expect((refused as PlatformError).kind).toBe('permanent');
    expect((refused as PlatformError).message).toContain('Permissions error');
    const expired = await read({}, { ...credentials, accessToken: 'old' }).catch((e: unknown) => e);
    expect((expired as PlatformError).kind).toBe('auth');
  });
});
