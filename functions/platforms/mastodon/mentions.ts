import * as z from 'zod';
import { PlatformError } from '../connector';
import { textFromHtml } from '../lookup-text';
import {
  lacksScope,
  missingPermission,
  oldestFirstBatch,
  type MentionReading,
  type MentionsReader,
} from '../mentions-reader';
import { accountInstance, mastodonCall, readBody, type MastodonRuntime } from './client';

const notification = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: z.object({ id: z.string(), acct: z.string(), display_name: z.string().optional() }),
  status: z
    .object({
      id: z.string(),
      content: z.string(),
      url: z.string().nullable().optional(),
      uri: z.string().optional(),
      in_reply_to_id: z.string().nullable().optional(),
      in_reply_to_account_id: z.string().nullable().optional(),
      visibility: z.string().optional(),
    })
    .nullable()
    .optional(),
});
type Notification = z.infer<typeof notification>;

/** 40 a page (https://docs.joinmastodon.org/methods/notifications/#get), at most 10 pages a read. */
const PAGE_SIZE = 40;
const MAX_PAGES = 10;
const SCOPES = ['read:notifications', 'read'];

/** Mastodon ids are decimal strings whose order is their number's (snowflakes); compare so. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function toMention(item: Notification, ownId: string): MentionReading | undefined {
  const status = item.status;
  if (!status) return undefined;
  const reply = status.in_reply_to_account_id === ownId;
  return {
    externalId: status.id,
    kind: reply ? 'reply' : 'mention',
    authorHandle: item.account.acct,
    authorName: item.account.display_name || null,
    text: textFromHtml(status.content),
    url: status.url ?? status.uri ?? null,
    mentionedAt: new Date(item.created_at),
    parentExternalId: status.in_reply_to_id ?? null,
    // Answering needs the status to reply to, its author to mention, and no wider audience than it had.
    replyRef: { inReplyToId: status.id, acct: item.account.acct, visibility: status.visibility ?? 'public' },
  };
}

/**
 * Mentions of the account (replies to it are mentions too) from its notifications
 * (`GET /api/v1/notifications?types[]=mention`, scope `read:notifications`). After the first
 * read it pages forward exactly with `min_id` (the page immediately newer than the cursor), so
 * a backlog is read over several runs without a hole; the first read looks back from the newest.
 */
export function mastodonMentionsReader(runtime: MastodonRuntime): MentionsReader {
  return {
    platform: 'mastodon',
    requiredScopes: ['read:notifications'],
    async read(credentials, { cursor, since, max }) {
      if (lacksScope(credentials.scopes, SCOPES)) throw missingPermission('Mastodon', ['read:notifications']);
      const instance = accountInstance(runtime, credentials);
      const call = async (params: URLSearchParams) => {
        params.append('types[]', 'mention');
        params.set('limit', String(PAGE_SIZE));
        try {
          const answer = await mastodonCall(runtime, {
            method: 'GET',
            instance,
            path: `/api/v1/notifications?${params}`,
            accessToken: credentials.accessToken,
            action: 'read the account’s notifications',
          });
          return readBody(z.array(notification), answer, 'read the account’s notifications');
        } catch (error) {
          // "This action is outside the authorized scopes": publishing still works; listening needs a new grant.
          if (error instanceof PlatformError && error.details.status === 403 && /scope/i.test(error.message))
            throw missingPermission('Mastodon', ['read:notifications'], error.message);
          throw error;
        }
      };
      const read: Notification[] = [];
      let more = false;
      let gap = false;
      if (cursor) {
        let from = cursor;
        for (let n = 0; n < MAX_PAGES && read.length < max; n += 1) {
          const items = await call(new URLSearchParams({ min_id: from }));
          if (items.length === 0) break;
          items.sort((a, b) => compareIds(a.id, b.id));
          read.push(...items);
          from = items.at(-1)!.id;
          more = items.length === PAGE_SIZE;
        }
        more ||= read.length > max;
      } else {
        // First read: from the newest back to `since`, then the oldest `max` of them.
        const newestFirst: Notification[] = [];
        let maxId: string | undefined;
        let reachedSince = false;
        for (let n = 0; n < MAX_PAGES && !reachedSince; n += 1) {
          const items = await call(new URLSearchParams(maxId ? { max_id: maxId } : {}));
          for (const item of items) {
            if (Date.parse(item.created_at) < since.getTime()) reachedSince = true;
            else newestFirst.push(item);
          }
          if (items.length < PAGE_SIZE) reachedSince = true;
          maxId = items.at(-1)?.id;
        }
        newestFirst.sort((a, b) => compareIds(b.id, a.id));
        const batch = oldestFirstBatch(newestFirst, max);
        read.push(...batch.batch);
        more = batch.more;
        gap = !reachedSince;
      }
      const kept = read.slice(0, max);
      const ownId = credentials.accountId;
      return {
        mentions: kept.flatMap((item) => toMention(item, ownId) ?? []),
        cursor: kept.at(-1)?.id ?? cursor,
        more,
        gap,
        source: 'Mastodon notifications (GET /api/v1/notifications, types[]=mention)',
      };
    },
  };
}
