import * as z from 'zod';
import { PlatformError } from '../connector';
import {
  lacksScope,
  missingPermission,
  oldestFirstBatch,
  type MentionReading,
  type MentionsReader,
} from '../mentions-reader';
import { readBody, twitterCall, type TwitterRuntime } from './client';

const tweet = z.object({
  id: z.string(),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
});
type Tweet = z.infer<typeof tweet>;
const page = z.object({
  data: z.array(tweet).optional(),
  includes: z
    .object({
      users: z.array(z.object({ id: z.string(), username: z.string(), name: z.string().optional() })),
    })
    .partial()
    .optional(),
  meta: z.object({ next_token: z.string().optional() }).passthrough().optional(),
});

/** 100 a page (the endpoint's maximum), at most 8 pages (800 of the 800 it keeps) a read. */
const PAGE_SIZE = 100;
const MAX_PAGES = 8;
const SCOPES = ['tweet.read', 'users.read'];

const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

function toMention(
  item: Tweet,
  ownId: string,
  users: Map<string, { username: string; name?: string }>,
  now: Date,
): MentionReading {
  const author = item.author_id ? users.get(item.author_id) : undefined;
  const repliedTo = item.referenced_tweets?.find((t) => t.type === 'replied_to')?.id ?? null;
  const quoted = item.referenced_tweets?.find((t) => t.type === 'quoted')?.id ?? null;
  const kind = repliedTo && item.in_reply_to_user_id === ownId ? 'reply' : quoted ? 'quote' : 'mention';
  return {
    externalId: item.id,
    kind,
    authorHandle: author?.username ?? null,
    authorName: author?.name ?? null,
    text: item.text,
    url: author
      ? `https://x.com/${author.username}/status/${item.id}`
      : `https://x.com/i/web/status/${item.id}`,
    mentionedAt: item.created_at ? new Date(item.created_at) : now,
    parentExternalId: repliedTo ?? quoted,
    // A reply is `reply.in_reply_to_tweet_id` on POST /2/tweets.
    replyRef: { inReplyToTweetId: item.id, conversationId: item.conversation_id ?? item.id },
  };
}

/**
 * Posts mentioning the account (`GET /2/users/:id/mentions`, scopes `tweet.read users.read`:
 * https://docs.x.com/x-api/posts/user-mention-timeline-by-user-id), newer than the last one
 * read (`since_id`), with `tweet.fields` and the authors (`expansions=author_id`). X pages from
 * the newest, so a read looks back to the cursor and returns the oldest `max` of what is new.
 * X's free access does not include this endpoint: its 403 says so on the account.
 */
export function twitterMentionsReader(runtime: TwitterRuntime): MentionsReader {
  return {
    platform: 'twitter',
    requiredScopes: SCOPES,
    async read(credentials, { cursor, since, max }) {
      const missing = SCOPES.filter((scope) => lacksScope(credentials.scopes, [scope]));
      if (missing.length > 0) throw missingPermission('X', missing);
      const found: Tweet[] = [];
      const users = new Map<string, { username: string; name?: string }>();
      let token: string | undefined;
      let reachedCursor = false;
      for (let n = 0; n < MAX_PAGES && !reachedCursor; n += 1) {
        const params = new URLSearchParams({
          max_results: String(PAGE_SIZE),
          'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
          expansions: 'author_id',
          'user.fields': 'username,name',
        });
        if (cursor) params.set('since_id', cursor);
        else params.set('start_time', since.toISOString().replace(/\.\d{3}Z$/, 'Z'));
        if (token) params.set('pagination_token', token);
        let answer;
        try {
          answer = await twitterCall(runtime, {
            method: 'GET',
            path: `/2/users/${encodeURIComponent(credentials.accountId)}/mentions?${params}`,
            accessToken: credentials.accessToken,
            action: 'read the account’s mentions',
          });
        } catch (error) {
          // 403: the app's access level (X's free tier) or the token's scopes do not cover mentions.
          if (error instanceof PlatformError && error.details.status === 403)
            throw new PlatformError(
              'permanent',
              `X: reading mentions needs an API access level that includes the mentions timeline and the ${SCOPES.join(' and ')} scopes (${error.message})`,
              { ...error.details, platformCode: 'missing_permission' },
            );
          throw error;
        }
        const body = readBody(page, answer, 'read the account’s mentions');
        found.push(...(body.data ?? []));
        for (const user of body.includes?.users ?? []) users.set(user.id, user);
        token = body.meta?.next_token;
        if (!token) reachedCursor = true;
      }
      found.sort((a, b) => compareIds(b.id, a.id));
      const { batch, more } = oldestFirstBatch(found, max);
      return {
        mentions: batch.map((item) =>
          toMention(item, credentials.accountId, users, runtime.context.clock.now()),
        ),
        cursor: batch.at(-1)?.id ?? cursor,
        more,
        gap: !reachedCursor,
        source: 'X mentions timeline (GET /2/users/:id/mentions)',
      };
    },
  };
}
