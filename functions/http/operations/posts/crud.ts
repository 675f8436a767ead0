import { createPost as createPostUseCase } from '../../../core/posts/create-post';
import { deletePost as deletePostUseCase } from '../../../core/posts/delete-post';
import { duplicatePost as duplicatePostUseCase } from '../../../core/posts/duplicate-post';
import { listPosts as listPostsUseCase } from '../../../core/posts/list-posts';
import { loadPost } from '../../../core/posts/load-post';
import { applyPostEffects } from '../../../core/posts/post-effects';
import { postPortsOf } from '../../../core/posts/post-ports';
import { updatePost as updatePostUseCase } from '../../../core/posts/update-post';
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

export const listPosts: Operation<'listPosts'> = async ({ query }, { container, auth }) => {
  const { page, limit } = query;
  const listed = await withTenant(container.db, auth.organizationId, (tx) =>
    listPostsUseCase(tx, auth.organizationId, query),
  );
  return { body: { posts: listed.posts.map(presentPost), total: listed.total, page, limit } };
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
