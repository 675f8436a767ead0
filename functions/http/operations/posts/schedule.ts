import { applyPostEffects } from '../../../core/posts/post-effects';
import { postPortsOf } from '../../../core/posts/post-ports';
import { publishNow } from '../../../core/posts/publish-now';
import { schedulePost as schedulePostUseCase } from '../../../core/posts/schedule-post';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { postActor } from './post-actor';
import { presentPost } from './post-records';

export const schedulePost: Operation<'schedulePost'> = async (
  { params, body },
  { container, event, auth },
) => {
  const actor = postActor(event, auth);
  const { post, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    schedulePostUseCase(tx, postPortsOf(container), actor, params.id, body),
  );
  await applyPostEffects(container, effects);
  return { body: presentPost(post) };
};

export const publishPostNow: Operation<'publishPostNow'> = async ({ params }, { container, event, auth }) => {
  const actor = postActor(event, auth);
  const { post, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    publishNow(tx, postPortsOf(container), actor, params.id),
  );
  await applyPostEffects(container, effects);
  return { status: 202, body: presentPost(post) };
};
