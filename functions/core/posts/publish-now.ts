import type { Transaction } from '../../db/tenant';
import { loadPost } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';
import { scheduleTargets } from './schedule-targets';

/**
 * "Publish now" is a schedule for now whose message is sent at once (after the commit): the
 * same claim, the same worker, the same outcomes as a fired schedule.
 */
export async function publishNow(
  tx: Transaction,
  ports: PostPorts,
  actor: PostActor,
  postId: string,
): Promise<PostOutcome> {
  const loaded = await loadPost(tx, actor.organizationId, postId, true);
  const armed = await scheduleTargets(
    tx,
    ports,
    loaded,
    ports.clock.now(),
    loaded.post.timezone,
    actor.audit,
    'publish now',
  );
  return {
    post: await loadPost(tx, actor.organizationId, postId),
    effects: postEffects(actor.organizationId, 'publishing', [postId], { publishNow: armed }),
  };
}
