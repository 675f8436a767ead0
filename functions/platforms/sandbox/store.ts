import { createHash } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  sandboxAccounts,
  sandboxPosts,
  sandboxPublishAttempts,
  type SandboxMediaRecord,
  type SandboxPostKind,
} from '../../db/schema/sandbox';
import { withSystem } from '../../db/tenant';
import { defaultFollowers, displayNameFor, followersAt } from './account';
import type { SandboxPostSnapshot } from './engagement-model';

/**
 * The Sandbox network's storage. Its tables are not tenant tables (see db/schema/sandbox.ts),
 * so every query runs through `withSystem` (the house rule: no bare queries), never `withTenant`.
 */
export interface SandboxAccount {
  handle: string;
  displayName: string;
  timeZone: string;
  /** Starting audience; use `followersAt` for the audience at an instant. */
  followers: number;
  createdAt: Date;
}

export interface SandboxPostRecord extends SandboxPostSnapshot {
  handle: string;
  replyToId: string | null;
  media: SandboxMediaRecord[];
}

export interface NewSandboxPost {
  handle: string;
  kind: SandboxPostKind;
  replyToId?: string;
  text: string;
  media: SandboxMediaRecord[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSandboxPostId(value: string): boolean {
  return UUID.test(value);
}

const accountColumns = {
  handle: sandboxAccounts.handle,
  displayName: sandboxAccounts.displayName,
  timeZone: sandboxAccounts.timeZone,
  followers: sandboxAccounts.followers,
  createdAt: sandboxAccounts.createdAt,
};

export async function findSandboxAccount(db: Database, handle: string): Promise<SandboxAccount | undefined> {
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select(accountColumns)
      .from(sandboxAccounts)
      .where(eq(sandboxAccounts.handle, handle));
    return row;
  });
}

/**
 * Creates the account on first use (any handle may join the sandbox) and returns it. Given
 * settings overwrite the stored ones; without them an existing account is left as it is.
 */
export async function ensureSandboxAccount(
  db: Database,
  handle: string,
  now: Date,
  settings: { timeZone?: string; followers?: number; displayName?: string } = {},
): Promise<SandboxAccount> {
  return withSystem(db, async (tx) => {
    await tx
      .insert(sandboxAccounts)
      .values({
        handle,
        displayName: settings.displayName ?? displayNameFor(handle),
        timeZone: settings.timeZone ?? 'UTC',
        followers: settings.followers ?? defaultFollowers(handle),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: sandboxAccounts.handle });
    const changes = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length > 0) {
      await tx
        .update(sandboxAccounts)
        .set({ ...changes, updatedAt: now })
        .where(eq(sandboxAccounts.handle, handle));
    }
    const [row] = await tx
      .select(accountColumns)
      .from(sandboxAccounts)
      .where(eq(sandboxAccounts.handle, handle));
    if (!row) throw new Error(`sandbox account ${handle} vanished while being created`);
    return row;
  });
}

/** Counts one more attempt at a draft and returns the count (atomic under concurrency). */
export async function countPublishAttempt(db: Database, key: string, now: Date): Promise<number> {
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .insert(sandboxPublishAttempts)
      .values({ key, attempts: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: sandboxPublishAttempts.key,
        set: { attempts: sql`${sandboxPublishAttempts.attempts} + 1`, updatedAt: now },
      })
      .returning({ attempts: sandboxPublishAttempts.attempts });
    return row?.attempts ?? 1;
  });
}

export async function clearPublishAttempts(db: Database, key: string): Promise<void> {
  await withSystem(db, (tx) => tx.delete(sandboxPublishAttempts).where(eq(sandboxPublishAttempts.key, key)));
}

/**
 * The id a post published with an idempotency marker gets: the same account and marker always
 * give the same id, so the marker is kept by the network as the post's own key.
 */
export function sandboxPostIdFor(handle: string, idempotencyKey: string): string {
  const hex = createHash('sha256').update(`sandbox-post:${handle}:${idempotencyKey}`).digest('hex');
  // A UUID of version 8 (RFC 9562: vendor-specific), variant 10.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Stores a post and its follow-ups in one transaction, in order: each follow-up may answer
 * the one before it (`replyToPrevious`) or the first post. Returns the ids in order. With a
 * `rootId` (from `sandboxPostIdFor`) a post that already exists is returned as it is, with its
 * follow-ups, instead of being stored twice: the network honours the idempotency marker.
 */
export async function insertSandboxPosts(
  db: Database,
  account: SandboxAccount,
  now: Date,
  first: Omit<NewSandboxPost, 'handle' | 'kind' | 'replyToId'>,
  followUps: { kind: 'reply' | 'comment'; text: string }[],
  rootId?: string,
): Promise<string[]> {
  const followers = followersAt(account.followers, account.createdAt, now);
  const base = {
    handle: account.handle,
    publishedAt: now,
    followersAtPublish: followers,
    timeZone: account.timeZone,
    createdAt: now,
  };
  const stored = await withSystem(db, async (tx) => {
    const [root] = await tx
      .insert(sandboxPosts)
      .values({
        ...base,
        ...(rootId ? { id: rootId } : {}),
        kind: 'post',
        text: first.text,
        media: first.media,
      })
      .onConflictDoNothing({ target: sandboxPosts.id })
      .returning({ id: sandboxPosts.id });
    if (!root) return undefined;
    const ids = [root.id];
    let previousReply = root.id;
    for (const followUp of followUps) {
      const replyToId = followUp.kind === 'reply' ? previousReply : root.id;
      const [row] = await tx
        .insert(sandboxPosts)
        .values({ ...base, kind: followUp.kind, replyToId, text: followUp.text, media: [] })
        .returning({ id: sandboxPosts.id });
      if (!row) throw new Error('sandbox reply insert returned nothing');
      ids.push(row.id);
      if (followUp.kind === 'reply') previousReply = row.id;
    }
    return ids;
  });
  if (stored) return stored;
  const [existing] = await sandboxPostsByIds(db, [rootId!]);
  if (!existing || existing.handle !== account.handle) throw new Error('sandbox post id conflict');
  return [existing.id, ...(await sandboxFollowUps(db, [existing.id])).map((post) => post.id)];
}

/** An account's top-level posts with exactly this text, published within the window. */
export async function sandboxPostsWithText(
  db: Database,
  handle: string,
  text: string,
  window: { since: Date; until: Date },
): Promise<SandboxPostRecord[]> {
  const rows = await withSystem(db, (tx) =>
    tx
      .select(postColumns)
      .from(sandboxPosts)
      .where(
        and(
          eq(sandboxPosts.handle, handle),
          eq(sandboxPosts.kind, 'post'),
          eq(sandboxPosts.text, text),
          gte(sandboxPosts.publishedAt, window.since),
          lte(sandboxPosts.publishedAt, window.until),
        ),
      )
      .orderBy(sandboxPosts.publishedAt),
  );
  return rows.map(toRecord);
}

// Spelled out: drizzle renders a bare column reference unqualified inside `sql`, which would
// bind to the subquery's own table instead of the outer row.
const replyCount = sql<number>`(
  select count(*)::int from "sandbox_posts" as replies
   where replies.reply_to_id = "sandbox_posts"."id" and replies.kind = 'reply'
)`;

const postColumns = {
  id: sandboxPosts.id,
  handle: sandboxPosts.handle,
  kind: sandboxPosts.kind,
  replyToId: sandboxPosts.replyToId,
  text: sandboxPosts.text,
  media: sandboxPosts.media,
  publishedAt: sandboxPosts.publishedAt,
  followers: sandboxPosts.followersAtPublish,
  timeZone: sandboxPosts.timeZone,
  threadReplies: replyCount,
};

function toRecord(row: {
  id: string;
  handle: string;
  kind: SandboxPostKind;
  replyToId: string | null;
  text: string;
  media: SandboxMediaRecord[];
  publishedAt: Date;
  followers: number;
  timeZone: string;
  threadReplies: number | string;
}): SandboxPostRecord {
  // A thread's replies chain (each answers the one before), so only the first post counts them.
  return { ...row, threadReplies: row.kind === 'post' ? Number(row.threadReplies) : 0 };
}

/** The posts among `ids` that exist; ids that are not sandbox post ids are skipped. */
export async function sandboxPostsByIds(db: Database, ids: readonly string[]): Promise<SandboxPostRecord[]> {
  const valid = [...new Set(ids.filter(isSandboxPostId).map((id) => id.toLowerCase()))];
  if (valid.length === 0) return [];
  const rows = await withSystem(db, (tx) =>
    tx.select(postColumns).from(sandboxPosts).where(inArray(sandboxPosts.id, valid)),
  );
  return rows.map(toRecord);
}

/** Newest first: the whole network or one account, optionally before an instant (paging). */
export async function recentSandboxPosts(
  db: Database,
  options: { handle?: string; before?: Date; limit: number; topLevelOnly?: boolean },
): Promise<SandboxPostRecord[]> {
  const conditions = [
    options.handle ? eq(sandboxPosts.handle, options.handle) : undefined,
    options.before ? lt(sandboxPosts.publishedAt, options.before) : undefined,
    options.topLevelOnly ? eq(sandboxPosts.kind, 'post') : undefined,
  ].filter((c) => c !== undefined);
  const rows = await withSystem(db, (tx) =>
    tx
      .select(postColumns)
      .from(sandboxPosts)
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(desc(sandboxPosts.publishedAt), desc(sandboxPosts.id))
      .limit(options.limit),
  );
  return rows.map(toRecord);
}

/** A post's replies and comments (direct and nested), oldest first. */
export async function sandboxFollowUps(
  db: Database,
  rootIds: readonly string[],
): Promise<SandboxPostRecord[]> {
  const ids = rootIds.filter(isSandboxPostId);
  if (ids.length === 0) return [];
  const found: SandboxPostRecord[] = [];
  let frontier = ids;
  // Threads are at most 25 deep (SANDBOX_MAX_THREAD_REPLIES), so a few rounds suffice.
  for (let depth = 0; depth < 30 && frontier.length > 0; depth += 1) {
    const parents = frontier;
    const rows = await withSystem(db, (tx) =>
      tx
        .select(postColumns)
        .from(sandboxPosts)
        .where(inArray(sandboxPosts.replyToId, parents))
        .orderBy(sandboxPosts.publishedAt),
    );
    found.push(...rows.map(toRecord));
    frontier = rows.map((row) => row.id);
  }
  return found;
}

export async function sandboxAccountsByHandles(
  db: Database,
  handles: readonly string[],
): Promise<SandboxAccount[]> {
  const unique = [...new Set(handles)];
  if (unique.length === 0) return [];
  return withSystem(db, (tx) =>
    tx.select(accountColumns).from(sandboxAccounts).where(inArray(sandboxAccounts.handle, unique)),
  );
}
