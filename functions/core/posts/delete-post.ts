import { eq } from 'drizzle-orm';
import { posts, type PostTargetStatus } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { ConflictError } from '../errors';
import { rollUpPosts, transitionPostTargets } from '../publishing/post-target-transitions';
import { loadPost } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects, type PostEffects } from './post-effects';
import type { PostPorts } from './post-ports';

/** Targets a deletion leaves as they are: live (or possibly live) content, or already cancelled. */
const KEPT: readonly PostTargetStatus[] = ['published', 'unconfirmed', 'cancelled'];

/**
 * Deletes a post: its pending targets are cancelled (their history says why), the post is
 * hidden, and their schedules go after the commit. Refused while a target is being published.
 */
export async function deletePost(
  tx: Transaction,
  ports: Pick<PostPorts, 'clock'>,
  actor: PostActor,
  postId: string,
): Promise<{ effects: PostEffects }> {
  const now = ports.clock.now();
  const loaded = await loadPost(tx, actor.organizationId, postId, true);
  if (loaded.targets.some((t) => t.status === 'publishing')) {
    throw new ConflictError('This post is being published right now; try again in a moment.');
  }
  const moved = await transitionPostTargets(
    tx,
    loaded.targets.filter((t) => !KEPT.includes(t.status)),
    'cancelled',
    'post deleted',
    now,
    () => ({ nextAttemptAt: null }),
  );
  await rollUpPosts(tx, [postId]);
  await tx.update(posts).set({ deletedAt: now }).where(eq(posts.id, postId));
  await recordAudit(tx, actor.audit, {
    action: 'delete',
    resourceType: 'post',
    resourceId: postId,
    oldValues: { content: loaded.post.content },
  });
  const before = new Map(loaded.targets.map((t) => [t.id, t.status]));
  const cancel = moved.filter((t) => before.get(t.id) === 'scheduled').map((t) => t.id);
  return { effects: postEffects(actor.organizationId, 'deleted', [postId], { cancel }) };
}
