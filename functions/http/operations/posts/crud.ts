import { and, count, desc, eq, exists, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { createPost as createPostUseCase } from '../../../core/posts/create-post';
import { deletePost as deletePostUseCase } from '../../../core/posts/delete-post';
import { duplicatePost as duplicatePostUseCase } from '../../../core/posts/duplicate-post';
import { loadPost, loadTargets } from '../../../core/posts/load-post';
import { applyPostEffects } from '../../../core/posts/post-effects';
import { postPortsOf } from '../../../core/posts/post-ports';
import { updatePost as updatePostUseCase } from '../../../core/posts/update-post';
import { postPlatforms, posts, socialAccounts } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { postActor } from './post-actor';
import { presentPost } from './post-records';

export const createPost: Operation<'createPost'> = async ({ body }, { container, event, auth }) => {
  const actor = postActor(event, auth);
  const { post, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    createPostUseCase(tx, container, actor, body),
  );
  await applyPostEffects(container, effects);
  return { status: 201, body: presentPost(post) };
};

export const getPost: Operation<'getPost'> = async ({ params }, { container, auth }) =>
  withTenant(container.db, auth.organizationId, async (tx) => ({
    body: presentPost(await loadPost(tx, auth.organizationId, params.id)),
  }));

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export const listPosts: Operation<'listPosts'> = async ({ query }, { container, auth }) => {
  const q = query;
  const orgId = auth.organizationId;
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
                q.platform ? eq(socialAccounts.platform, q.platform) : undefined,
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

export const updatePost: Operation<'updatePost'> = async ({ params, body }, { container, event, auth }) => {
  const actor = postActor(event, auth);
  const { post, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    updatePostUseCase(tx, postPortsOf(container), actor, params.id, body),
  );
  await applyPostEffects(container, effects);
  return { body: presentPost(post) };
};

export const deletePost: Operation<'deletePost'> = async ({ params }, { container, event, auth }) => {
  const actor = postActor(event, auth);
  const { effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    deletePostUseCase(tx, container, actor, params.id),
  );
  await applyPostEffects(container, effects);
  return { status: 204 };
};

export const duplicatePost: Operation<'duplicatePost'> = async ({ params }, { container, event, auth }) => {
  const actor = postActor(event, auth);
  const { post, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    duplicatePostUseCase(tx, container, actor, params.id),
  );
  await applyPostEffects(container, effects);
  return { status: 201, body: presentPost(post) };
};
