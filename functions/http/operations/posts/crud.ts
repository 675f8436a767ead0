import {
  and,
  count,
  desc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNull,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { loadMedia } from '../../../core/publishing/drafts';
import { announcePostChange } from '../../../core/publishing/announce-post';
import { refreshPostStatus } from '../../../core/publishing/post-status';
import { scheduleName } from '../../../core/publishing/publish-target';
import {
  postPlatforms,
  posts,
  postTargetEvents,
  socialAccounts,
  users,
  type PostContentType,
  type PostStatus,
} from '../../../db/schema';
import { withTenant, type Transaction } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { assertPublishable, checkTargets, loadPost, loadTargets, presentPost } from './post-records';

export interface TargetInput {
  socialAccountId: string;
  content?: string | null;
  thread?: string[] | null;
  mediaIds?: string[] | null;
  firstComment?: string | null;
  options?: Record<string, unknown> | null;
}

export interface PostInput {
  title?: string | null;
  content?: string;
  thread?: string[] | null;
  mediaIds?: string[];
  contentType?: PostContentType;
  timezone?: string;
  targets?: TargetInput[];
}

/** Accounts and media must be the organization's own (and accounts still connected): 400 otherwise. */
export async function assertReferences(
  tx: Transaction,
  organizationId: string,
  input: PostInput,
  field = 'body',
): Promise<void> {
  const errors: { field: string; message: string }[] = [];
  const accountIds = (input.targets ?? []).map((t) => t.socialAccountId);
  if (accountIds.length > 0) {
    const accounts = await tx
      .select({ id: socialAccounts.id, status: socialAccounts.status })
      .from(socialAccounts)
      .where(and(eq(socialAccounts.organizationId, organizationId), inArray(socialAccounts.id, accountIds)));
    const found = new Map(accounts.map((a) => [a.id, a.status]));
    accountIds.forEach((id, index) => {
      if (!found.has(id))
        errors.push({
          field: `${field}.targets.${index}.socialAccountId`,
          message: 'No such connected account',
        });
      else if (found.get(id) === 'disconnected')
        errors.push({
          field: `${field}.targets.${index}.socialAccountId`,
          message: 'This account is disconnected',
        });
    });
  }
  const mediaIds = [...(input.mediaIds ?? []), ...(input.targets ?? []).flatMap((t) => t.mediaIds ?? [])];
  const media = await loadMedia(tx, organizationId, mediaIds);
  for (const id of new Set(mediaIds))
    if (!media.has(id))
      errors.push({
        field: `${field}.mediaIds`,
        message: `No such media, or its upload was not accepted: ${id}`,
      });
  if (errors.length > 0)
    throw new HttpProblem(400, 'validation_failed', 'Some references are invalid; see `errors`.', { errors });
}

const targetValues = (t: TargetInput) => ({
  content: t.content ?? null,
  thread: t.thread ?? null,
  mediaIds: t.mediaIds ?? null,
  firstComment: t.firstComment ?? null,
  options: t.options ?? null,
});

/** Inserts a post and its targets as drafts; returns the post id. */
export async function insertPost(
  tx: Transaction,
  organizationId: string,
  userId: string,
  input: PostInput & { content: string; targets: TargetInput[]; timezone: string },
  now: Date,
): Promise<string> {
  const [post] = await tx
    .insert(posts)
    .values({
      organizationId,
      userId,
      title: input.title ?? null,
      content: input.content,
      thread: input.thread ?? null,
      mediaIds: input.mediaIds ?? [],
      contentType: input.contentType ?? ((input.mediaIds ?? []).length > 0 ? 'image' : 'text'),
      timezone: input.timezone,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: posts.id });
  const targets = await tx
    .insert(postPlatforms)
    .values(
      input.targets.map((t) => ({
        organizationId,
        postId: post!.id,
        socialAccountId: t.socialAccountId,
        ...targetValues(t),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: postPlatforms.id });
  await tx.insert(postTargetEvents).values(
    targets.map((t) => ({
      organizationId,
      postPlatformId: t.id,
      toStatus: 'draft' as const,
      reason: 'created',
      at: now,
    })),
  );
  return post!.id;
}

export async function authorZone(tx: Transaction, userId: string): Promise<string> {
  const [user] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId));
  return user?.timezone ?? 'UTC';
}

export const createPost: Operation = async ({ body }, { container, event, auth }) => {
  const input = body as PostInput & { content: string; targets: TargetInput[] };
  const now = container.clock.now();
  const result = await withTenant(container.db, auth!.organizationId, async (tx) => {
    await assertReferences(tx, auth!.organizationId, input);
    const timezone = input.timezone ?? (await authorZone(tx, auth!.userId));
    const id = await insertPost(tx, auth!.organizationId, auth!.userId, { ...input, timezone }, now);
    await recordAudit(tx, auditActor(event, auth), {
      action: 'create',
      resourceType: 'post',
      resourceId: id,
      newValues: { targets: input.targets.length },
    });
    return loadPost(tx, auth!.organizationId, id);
  });
  await announcePostChange(container, auth!.organizationId, 'created', [result.post.id]);
  return { status: 201, body: presentPost(result) };
};

export const getPost: Operation = async ({ params }, { container, auth }) =>
  withTenant(container.db, auth!.organizationId, async (tx) => ({
    body: presentPost(await loadPost(tx, auth!.organizationId, params.id as string)),
  }));

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export const listPosts: Operation = async ({ query }, { container, auth }) => {
  const q = query as {
    status?: PostStatus;
    platform?: string;
    accountId?: string;
    from?: string;
    to?: string;
    q?: string;
    page: number;
    limit: number;
  };
  const orgId = auth!.organizationId;
  return withTenant(container.db, orgId, async (tx) => {
    const when = sql`coalesce(${posts.scheduledAt}, ${posts.createdAt})`;
    const conditions: (SQL | undefined)[] = [eq(posts.organizationId, orgId), isNull(posts.deletedAt)];
    if (q.status) conditions.push(eq(posts.status, q.status));
    if (q.from) conditions.push(gte(when, sql`${q.from}::timestamptz`));
    if (q.to) conditions.push(lt(when, sql`${q.to}::timestamptz`));
    if (q.q) {
      const pattern = `%${escapeLike(q.q)}%`;
      conditions.push(or(ilike(posts.content, pattern), ilike(posts.title, pattern)));
    }
    if (q.platform || q.accountId) {
      conditions.push(
        exists(
          tx
            .select({ one: sql`1` })
            .from(postPlatforms)
            .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
            .where(
              and(
                eq(postPlatforms.postId, posts.id),
                q.platform
                  ? eq(socialAccounts.platform, q.platform as typeof socialAccounts.$inferSelect.platform)
                  : undefined,
                q.accountId ? eq(postPlatforms.socialAccountId, q.accountId) : undefined,
              ),
            ),
        ),
      );
    }
    const where = and(...conditions);
    const [{ total } = { total: 0 }] = await tx.select({ total: count() }).from(posts).where(where);
    // Newest first, id as the tie-breaker so pages never repeat or skip a post.
    const rows = await tx
      .select()
      .from(posts)
      .where(where)
      .orderBy(desc(posts.createdAt), desc(posts.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit);
    const targets = await loadTargets(
      tx,
      rows.map((r) => r.id),
    );
    return {
      body: {
        posts: rows.map((post) =>
          presentPost({ post, targets: targets.filter((t) => t.postId === post.id) }),
        ),
        total,
        page: q.page,
        limit: q.limit,
      },
    };
  });
};

/** States in which a post's content is already (or may be) live, so it cannot be edited. */
const FROZEN = ['publishing', 'published', 'unconfirmed'] as const;

export const updatePost: Operation = async ({ params, body }, { container, event, auth }) => {
  const input = body as PostInput;
  const id = params.id as string;
  const now = container.clock.now();
  const { result, removedScheduled } = await withTenant(container.db, auth!.organizationId, async (tx) => {
    const loaded = await loadPost(tx, auth!.organizationId, id, true);
    if (loaded.targets.some((t) => (FROZEN as readonly string[]).includes(t.status))) {
      throw new HttpProblem(
        409,
        'conflict',
        'This post is published or being published; duplicate it to make a new version.',
      );
    }
    await assertReferences(tx, auth!.organizationId, input);
    await tx
      .update(posts)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.content !== undefined ? { content: input.content } : {}),
        ...(input.thread !== undefined ? { thread: input.thread } : {}),
        ...(input.mediaIds !== undefined ? { mediaIds: input.mediaIds } : {}),
        ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
        ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
        updatedAt: now,
      })
      .where(eq(posts.id, id));
    let removedScheduled: string[] = [];
    if (input.targets) {
      const wanted = new Map(input.targets.map((t) => [t.socialAccountId, t]));
      const removed = loaded.targets.filter((t) => !wanted.has(t.socialAccountId));
      removedScheduled = removed.filter((t) => t.status === 'scheduled').map((t) => t.id);
      if (removed.length > 0)
        await tx.delete(postPlatforms).where(
          inArray(
            postPlatforms.id,
            removed.map((t) => t.id),
          ),
        );
      for (const target of loaded.targets.filter((t) => wanted.has(t.socialAccountId))) {
        await tx
          .update(postPlatforms)
          .set({ ...targetValues(wanted.get(target.socialAccountId)!), updatedAt: now })
          .where(eq(postPlatforms.id, target.id));
      }
      const existing = new Set(loaded.targets.map((t) => t.socialAccountId));
      const added = input.targets.filter((t) => !existing.has(t.socialAccountId));
      if (added.length > 0) {
        const rows = await tx
          .insert(postPlatforms)
          .values(
            added.map((t) => ({
              organizationId: auth!.organizationId,
              postId: id,
              socialAccountId: t.socialAccountId,
              ...targetValues(t),
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning({ id: postPlatforms.id });
        await tx.insert(postTargetEvents).values(
          rows.map((r) => ({
            organizationId: auth!.organizationId,
            postPlatformId: r.id,
            toStatus: 'draft' as const,
            reason: 'added',
            at: now,
          })),
        );
      }
    }
    // Scheduled targets publish what the post says at fire time: the new content must still pass.
    const reloaded = await loadPost(tx, auth!.organizationId, id);
    const scheduled = reloaded.targets.filter((t) => t.status === 'scheduled');
    if (scheduled.length > 0) assertPublishable(await checkTargets(tx, container, reloaded.post, scheduled));
    await refreshPostStatus(tx, id);
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'post',
      resourceId: id,
      oldValues: { content: loaded.post.content, targets: loaded.targets.map((t) => t.socialAccountId) },
      newValues: { content: input.content, targets: input.targets?.map((t) => t.socialAccountId) },
    });
    return { result: await loadPost(tx, auth!.organizationId, id), removedScheduled };
  });
  for (const targetId of removedScheduled) await container.scheduler.cancel(scheduleName(targetId));
  await announcePostChange(container, auth!.organizationId, 'updated', [id]);
  return { body: presentPost(result) };
};

export const deletePost: Operation = async ({ params }, { container, event, auth }) => {
  const id = params.id as string;
  const now = container.clock.now();
  const cancelled = await withTenant(container.db, auth!.organizationId, async (tx) => {
    const loaded = await loadPost(tx, auth!.organizationId, id, true);
    if (loaded.targets.some((t) => t.status === 'publishing')) {
      throw new HttpProblem(
        409,
        'conflict',
        'This post is being published right now; try again in a moment.',
      );
    }
    const moved = await tx
      .update(postPlatforms)
      .set({ status: 'cancelled', updatedAt: now, nextAttemptAt: null })
      .where(
        and(
          eq(postPlatforms.postId, id),
          notInArray(postPlatforms.status, ['published', 'unconfirmed', 'cancelled']),
        ),
      )
      .returning({ id: postPlatforms.id });
    const before = new Map(loaded.targets.map((t) => [t.id, t.status]));
    if (moved.length > 0) {
      await tx.insert(postTargetEvents).values(
        moved.map((t) => ({
          organizationId: auth!.organizationId,
          postPlatformId: t.id,
          fromStatus: before.get(t.id),
          toStatus: 'cancelled' as const,
          reason: 'post deleted',
          at: now,
        })),
      );
    }
    await refreshPostStatus(tx, id);
    await tx.update(posts).set({ deletedAt: now }).where(eq(posts.id, id));
    await recordAudit(tx, auditActor(event, auth), {
      action: 'delete',
      resourceType: 'post',
      resourceId: id,
      oldValues: { content: loaded.post.content },
    });
    return moved.filter((t) => before.get(t.id) === 'scheduled').map((t) => t.id);
  });
  // After commit; a schedule that still fires finds the target cancelled and does nothing.
  for (const targetId of cancelled) await container.scheduler.cancel(scheduleName(targetId));
  await announcePostChange(container, auth!.organizationId, 'deleted', [id]);
  return { status: 204 };
};

export const duplicatePost: Operation = async ({ params }, { container, event, auth }) => {
  const now = container.clock.now();
  const result = await withTenant(container.db, auth!.organizationId, async (tx) => {
    const { post, targets } = await loadPost(tx, auth!.organizationId, params.id as string);
    const usable = targets.filter((t) => t.accountStatus !== 'disconnected');
    if (usable.length === 0)
      throw new HttpProblem(
        409,
        'conflict',
        'Every account of this post is disconnected; nothing to copy to.',
      );
    const id = await insertPost(
      tx,
      auth!.organizationId,
      auth!.userId,
      {
        title: post.title,
        content: post.content,
        thread: post.thread,
        mediaIds: post.mediaIds,
        contentType: post.contentType,
        timezone: post.timezone,
        targets: usable.map((t) => ({
          socialAccountId: t.socialAccountId,
          content: t.content,
          thread: t.thread,
          mediaIds: t.mediaIds,
          firstComment: t.firstComment,
          options: t.options,
        })),
      },
      now,
    );
    await recordAudit(tx, auditActor(event, auth), {
      action: 'duplicate',
      resourceType: 'post',
      resourceId: id,
      newValues: { from: post.id },
    });
    return loadPost(tx, auth!.organizationId, id);
  });
  await announcePostChange(container, auth!.organizationId, 'created', [result.post.id]);
  return { status: 201, body: presentPost(result) };
};
