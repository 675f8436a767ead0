import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import type { MentionsReader, MentionsReadOptions } from '../../../functions/platforms/mentions-reader';
import { mentionsReaderFor } from '../../../functions/platforms/mentions-readers';
import { overrideConnectors } from '../../../functions/platforms/registry';
import { captureLogger } from '../../support/logger';
import {
  startMastodonNotificationsStandIn,
  type MastodonNotificationsStandIn,
  type StandInNotification,
} from '../support/mastodon-notifications-stand-in';

/**
 * The Mastodon mentions reader against an instance stand-in speaking the documented
 * notifications API: the first read looks back from the newest, later reads page forward with
 * `min_id` so a bound never leaves a hole; replies to the account are told from mentions; a
 * token without `read:notifications` is a clear permanent error (publishing is untouched), a
 * bad token `auth`, a 429 `rate_limited` with its reset.
 */

const NOW = new Date('2031-04-01T12:00:00.000Z');
const OWN_ID = '109000000000000001';
let instance: MastodonNotificationsStandIn;
let reader: MentionsReader;
let credentials: AccountCredentials;

/** Mention n, n minutes after 10:00 on 2031-04-01; every third a reply to the account's status 500. */
function mention(n: number): StandInNotification {
  const id = String(110000000000000000n + BigInt(n) * 1000n);
  return {
    id,
    type: 'mention',
    created_at: new Date(Date.UTC(2031, 3, 1, 10, n)).toISOString(),
    account: { id: `acc${n}`, acct: `fan${n}@example.social`, display_name: `Fan ${n}` },
    status: {
      id: `9${id}`,
      content: `<p><span class="h-card"><a href="https://x/@loaf">@<span>loaf</span></a></span> Crumb &amp; crust #${n}</p>`,
      url: `https://example.social/@fan${n}/9${id}`,
      in_reply_to_id: n % 3 === 0 ? '500' : null,
      in_reply_to_account_id: n % 3 === 0 ? OWN_ID : null,
      visibility: n % 2 === 0 ? 'public' : 'unlisted',
    },
  };
}

const read = (options: Partial<MentionsReadOptions> = {}, who = credentials) =>
  reader.read(who, {
    cursor: null,
    since: new Date('2031-03-01T00:00:00.000Z'),
    max: 500,
    ownPostIds: [],
    ...options,
  });

beforeAll(async () => {
  instance = await startMastodonNotificationsStandIn();
  // 95 mentions (more than two pages of 40), a favourite and a follow among them.
  instance.notifications.push(...Array.from({ length: 95 }, (_, i) => mention(i + 1)));
  instance.notifications.push({
    ...mention(200),
    type: 'favourite',
    id: '110000000000050500',
  });
  instance.tokens.set('good', ['read:accounts', 'read:statuses', 'read:notifications', 'write:statuses']);
  instance.tokens.set('publish-only', ['read:accounts', 'read:statuses', 'write:statuses', 'write:media']);
  overrideConnectors({ options: { mastodon: { allowPrivateInstances: true } } });
  const found = mentionsReaderFor('mastodon', {
    fetch,
    clock: new ManualClock(NOW),
    logger: captureLogger(),
    timeoutMs: 5_000,
  });
  if (!found) throw new Error('no Mastodon reader');
  reader = found;
  credentials = {
    accountId: OWN_ID,
    handle: 'loaf@example.social',
    serviceUrl: instance.url,
    accessToken: 'good',
    scopes: ['read:accounts', 'read:statuses', 'read:notifications', 'write:statuses'],
  };
});

afterAll(async () => {
  overrideConnectors({});
  await instance?.close();
});

describe('Mastodon mentions reader', () => {
  it('reads every mention once over pages, oldest first, replies told apart, text out of HTML', async () => {
    const reading = await read();
    expect(reading.mentions).toHaveLength(95);
    expect(reading.mentions.map((m) => m.text.endsWith(`#${reading.mentions.indexOf(m) + 1}`))).not.toContain(
      false,
    );
    const [first, , third] = reading.mentions;
    expect(first).toMatchObject({
      kind: 'mention',
      authorHandle: 'fan1@example.social',
      authorName: 'Fan 1',
      text: '@loaf Crumb & crust #1',
      parentExternalId: null,
      replyRef: { inReplyToId: first!.externalId, acct: 'fan1@example.social', visibility: 'unlisted' },
    });
    expect(third).toMatchObject({ kind: 'reply', parentExternalId: '500' });
    expect(reading.cursor).toBe(mention(95).id);
    expect(reading.more).toBe(false);
    expect(reading.gap).toBe(false);
    // Only mentions were asked for.
    expect(instance.calls.every((q) => q.includes('types%5B%5D=mention'))).toBe(true);
  });

  it('from the cursor: nothing; then only what is new, paged forward with min_id', async () => {
    instance.calls.length = 0;
    expect((await read({ cursor: mention(95).id })).mentions).toEqual([]);
    instance.notifications.push(...[96, 97].map(mention));
    const next = await read({ cursor: mention(95).id });
    expect(next.mentions.map((m) => m.text.slice(-3))).toEqual(['#96', '#97']);
    expect(next.cursor).toBe(mention(97).id);
    expect(instance.calls.every((q) => q.includes('min_id='))).toBe(true);
  });

  it('a bound smaller than the backlog reads the oldest first and continues from there, without a hole', async () => {
    const seen: string[] = [];
    let cursor: string | null = mention(10).id;
    let more = true;
    for (let run = 0; more && run < 10; run += 1) {
      const reading = await read({ cursor, max: 30 });
      seen.push(...reading.mentions.map((m) => m.text.split('#')[1]!));
      cursor = reading.cursor;
      more = reading.more;
    }
    expect(seen).toEqual(Array.from({ length: 87 }, (_, i) => String(i + 11)));
  });

  it('the first read stops at `since`', async () => {
    const reading = await read({ since: new Date(Date.UTC(2031, 3, 1, 11, 0)) });
    expect(reading.mentions.map((m) => m.text.split('#')[1])).toEqual(
      Array.from({ length: 38 }, (_, i) => String(i + 60)),
    );
  });

  it('a grant without read:notifications is a permanent error saying so, before any call and when the server refuses', async () => {
    const before = instance.calls.length;
    const missing = await read({}, { ...credentials, scopes: ['read:statuses', 'write:statuses'] }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(PlatformError);
    expect((missing as PlatformError).kind).toBe('permanent');
    expect((missing as PlatformError).message).toContain('read:notifications');
    expect(instance.calls.length).toBe(before);
    // Scopes unknown to Plume (an old connection): the instance's 403 says it.
    const refused = await read({}, { ...credentials, accessToken: 'publish-only', scopes: [] }).catch(
      (e: unknown) => e,
    );
    expect((refused as PlatformError).kind).toBe('permanent');
    expect((refused as PlatformError).message).toMatch(/read:notifications.*outside the authorized scopes/);
  });

  it('a revoked token is auth; a 429 is rate_limited with its reset', async () => {
    const revoked = await read({}, { ...credentials, accessToken: 'gone' }).catch((e: unknown) => e);
    expect((revoked as PlatformError).kind).toBe('auth');
    instance.rateLimitedUntil = new Date(NOW.getTime() + 120_000);
    const limited = await read().catch((e: unknown) => e);
    instance.rateLimitedUntil = null;
    expect((limited as PlatformError).kind).toBe('rate_limited');
    expect((limited as PlatformError).details.retryAfterSeconds).toBe(120);
  });
});
