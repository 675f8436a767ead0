import { saveTaskDrafts } from '../../../core/agents/tasks/save-task-drafts';
import { applyPostEffects } from '../../../core/posts/post-effects';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { postActor } from '../posts/post-actor';
import { presentPost } from '../posts/post-records';

/** Keeps chosen drafts of a finished content task as posts, each in review. */
export const saveAgentTaskDrafts: Operation<'saveAgentTaskDrafts'> = async (
  { params, body },
  { container, event, auth },
) => {
  const actor = postActor(event, auth);
  const { posts, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    saveTaskDrafts(tx, container, actor, params.id, body?.drafts),
  );
  await applyPostEffects(container, effects);
  return { status: 201, body: { posts: posts.map(presentPost) } };
};
