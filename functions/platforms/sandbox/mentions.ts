import { and, asc, eq, gt, gte, ilike, lte, ne, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { sandboxAccounts, sandboxPosts } from '../../db/schema/sandbox';
import { withSystem } from '../../db/tenant';
import { PlatformError } from '../connector';
import type { MentionReading, MentionsReader } from '../mentions-reader';
import { normalizeSandboxHandle } from './account';
import type { SandboxRuntime } from './runtime';

const parents = alias(sandboxPosts, 'parent');

/** `<published ISO>|<post id>`: the last post read, in the order the reader pages. */
function parseCursor(cursor: string | null): { at: Date; id: string } | undefined {
  const match = cursor ? /^(.+)\|([0-9a-f-]{36})$/i.exec(cursor) : null;
  if (!match) return undefined;
  const at = new Date(match[1]!);
  return Number.isNaN(at.getTime()) ? undefined : { at, id: match[2]!.toLowerCase() };
}

const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const regexEscaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * What other Sandbox accounts said to the account: posts naming `@handle` (mentions), replies
 * and comments on its posts. The Sandbox is Plume's own database, so the reader pages forward
 * exactly: oldest first after the cursor, nothing published after the clock's now.
 */
export function sandboxMentionsReader(runtime: SandboxRuntime): MentionsReader {
  return {
    platform: 'sandbox',
    requiredScopes: [],
    async read(credentials, { cursor, since, max }) {
      const handle = normalizeSandboxHandle(credentials.handle ?? credentials.accountId);
      if (!handle) throw new PlatformError('permanent', 'Sandbox: the account has no handle');
      const db = await runtime.database();
      const now = runtime.context.clock.now();
      const after = parseCursor(cursor);
      const named = ilike(sandboxPosts.text, `%@${likeEscaped(handle)}%`);
      const rows = await withSystem(db, (tx) =>
        tx
          .select({
            id: sandboxPosts.id,
            handle: sandboxPosts.handle,
            displayName: sandboxAccounts.displayName,
            kind: sandboxPosts.kind,
            text: sandboxPosts.text,
            publishedAt: sandboxPosts.publishedAt,
            replyToId: sandboxPosts.replyToId,
            parentHandle: parents.handle,
          })
          .from(sandboxPosts)
          .innerJoin(sandboxAccounts, eq(sandboxAccounts.handle, sandboxPosts.handle))
          .leftJoin(parents, eq(parents.id, sandboxPosts.replyToId))
          .where(
            and(
              ne(sandboxPosts.handle, handle),
              or(named, eq(parents.handle, handle)),
              lte(sandboxPosts.publishedAt, now),
              after
                ? or(
                    gt(sandboxPosts.publishedAt, after.at),
                    and(eq(sandboxPosts.publishedAt, after.at), gt(sandboxPosts.id, after.id)),
                  )
                : gte(sandboxPosts.publishedAt, since),
            ),
          )
          .orderBy(asc(sandboxPosts.publishedAt), asc(sandboxPosts.id))
          .limit(max + 1),
      );
      const page = rows.slice(0, max);
      const last = page.at(-1);
      // `@ada` must not match `@ada.b`: the LIKE above finds candidates, this keeps whole handles.
      const whole = new RegExp(`@${regexEscaped(handle)}(?![a-z0-9_.-])`, 'i');
      const base = await runtime.publicUrl().catch(() => undefined);
      const mentions = page
        .filter((row) => row.parentHandle === handle || whole.test(row.text))
        .map((row): MentionReading => ({
          externalId: row.id,
          kind: row.parentHandle === handle ? (row.kind === 'comment' ? 'comment' : 'reply') : 'mention',
          authorHandle: row.handle,
          authorName: row.displayName || null,
          text: row.text,
          url: base ? `${base}/api/sandbox/feed?post=${row.id}` : null,
          mentionedAt: row.publishedAt,
          parentExternalId: row.replyToId,
          replyRef: { replyToId: row.id, ...(row.replyToId ? { rootId: row.replyToId } : {}) },
        }));
      return {
        mentions,
        cursor: last ? `${last.publishedAt.toISOString()}|${last.id}` : cursor,
        more: rows.length > max,
        gap: false,
        source: 'Sandbox network (posts naming the account, replies and comments on its posts)',
      };
    },
  };
}
