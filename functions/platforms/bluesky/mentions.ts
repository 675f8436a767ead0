import * as z from 'zod';
import type { MentionKind } from '../../db/schema/listening';
import { oldestFirstBatch, type MentionReading, type MentionsReader } from '../mentions-reader';
import { postWebUrl } from './at-uri';
import { accountPds } from './publish';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

const strongRef = z.object({ uri: z.string(), cid: z.string() });
const notification = z.object({
  uri: z.string(),
  cid: z.string(),
  author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional() }),
  reason: z.string(),
  record: z
    .object({
      text: z.string().optional(),
      reply: z.object({ root: strongRef, parent: strongRef }).optional(),
      embed: z.object({ record: z.unknown().optional() }).passthrough().optional(),
    })
    .passthrough(),
  indexedAt: z.string(),
});
type Notification = z.infer<typeof notification>;
const page = z.object({ cursor: z.string().optional(), notifications: z.array(notification) });

const KIND: Record<string, MentionKind> = { mention: 'mention', reply: 'reply', quote: 'quote' };
/** listNotifications answers at most 100 a page; a read looks back at most this many pages. */
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** `<indexedAt ISO>|<at-uri>`: the newest notification read so far. */
function parseCursor(cursor: string | null): { at: number; uri: string } | undefined {
  const bar = cursor?.indexOf('|') ?? -1;
  if (!cursor || bar < 0) return undefined;
  const at = Date.parse(cursor.slice(0, bar));
  return Number.isNaN(at) ? undefined : { at, uri: cursor.slice(bar + 1) };
}

const order = (a: { at: number; uri: string }, b: { at: number; uri: string }) =>
  a.at - b.at || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** The quoted post's uri of a quote (app.bsky.embed.record, or recordWithMedia's record). */
function quotedUri(record: Notification['record']): string | null {
  const embedded = record.embed?.record as { uri?: unknown; record?: { uri?: unknown } } | undefined;
  const uri = embedded?.uri ?? embedded?.record?.uri;
  return typeof uri === 'string' ? uri : null;
}

function toMention(runtime: BlueskyRuntime, item: Notification, kind: MentionKind): MentionReading {
  const self = { uri: item.uri, cid: item.cid };
  return {
    externalId: item.uri,
    kind,
    authorHandle: item.author.handle,
    authorName: item.author.displayName || null,
    text: item.record.text ?? '',
    url: postWebUrl(runtime.endpoints.web, item.uri) ?? null,
    // The AppView's time, not the author's claimed createdAt, which a client may set to anything.
    mentionedAt: new Date(item.indexedAt),
    parentExternalId: item.record.reply?.parent.uri ?? (kind === 'quote' ? quotedUri(item.record) : null),
    // A reply to this post names it as the parent, and its thread's root (itself when it starts one).
    replyRef: { root: item.record.reply?.root ?? self, parent: self },
  };
}

/**
 * Mentions, replies and quotes of the account from its notifications
 * (`app.bsky.notification.listNotifications` with `reasons`, through the account's PDS, which
 * forwards it to the AppView: https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications).
 * An app password may read notifications. The list pages from the newest, so a read looks back
 * to the cursor (at most 1,000 notifications) and returns the oldest `max` of what is new.
 */
export function blueskyMentionsReader(runtime: BlueskyRuntime): MentionsReader {
  return {
    platform: 'bluesky',
    // An app password's session (scope com.atproto.appPass) may read notifications.
    requiredScopes: ['com.atproto.appPass'],
    async read(credentials, { cursor, since, max }) {
      const pds = accountPds(runtime, credentials);
      const after = parseCursor(cursor) ?? { at: since.getTime() - 1, uri: '' };
      const fresh: { at: number; uri: string; item: Notification; kind: MentionKind }[] = [];
      let pageCursor: string | undefined;
      let reachedCursor = false;
      for (let n = 0; n < MAX_PAGES && !reachedCursor; n += 1) {
        const answer = await xrpc(runtime, {
          method: 'GET',
          base: pds,
          nsid: 'app.bsky.notification.listNotifications',
          params: { reasons: Object.keys(KIND), limit: String(PAGE_SIZE), cursor: pageCursor },
          token: credentials.accessToken,
          action: 'read the account’s notifications',
        });
        const body = readBody(page, answer, 'read the account’s notifications');
        for (const item of body.notifications) {
          const key = { at: Date.parse(item.indexedAt), uri: item.uri };
          if (Number.isNaN(key.at)) continue;
          if (order(key, after) <= 0) {
            reachedCursor = true;
            continue;
          }
          const kind = KIND[item.reason];
          // A server that ignores `reasons` still sends likes and follows: they are no mentions.
          if (kind) fresh.push({ ...key, item, kind });
        }
        if (!body.cursor || body.notifications.length === 0) reachedCursor = true;
        pageCursor = body.cursor;
      }
      fresh.sort((a, b) => order(b, a));
      const { batch, more } = oldestFirstBatch(fresh, max);
      const newest = batch.at(-1);
      return {
        mentions: batch.map((entry) => toMention(runtime, entry.item, entry.kind)),
        cursor: newest ? `${new Date(newest.at).toISOString()}|${newest.uri}` : cursor,
        more,
        gap: !reachedCursor,
        source: 'Bluesky notifications (app.bsky.notification.listNotifications: mention, reply, quote)',
      };
    },
  };
}
