import { eq, inArray } from 'drizzle-orm';
import { postPlatforms, posts, type PostTargetStatus } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { ConflictError } from '../errors';
import { createDraftTargets, rollUpPosts } from '../publishing/post-target-transitions';
import { targetValues } from './insert-post';
import { loadPost, type PostWithTargets } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { PostInput } from './post-input';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';
import { reopenAfterEdit } from './approval/reopen-after-edit';
import { assertReferences } from './references';
import { assertPublishable, checkTargets } from './target-checks';

/** States in which a post's content is already (or may be) live, so it cannot be edited. */
const FROZEN: readonly PostTargetStatus[] = ['publishing', 'published', 'unconfirmed'];

/**
 * Replaces the set of targets: accounts no longer listed lose their target, listed ones keep
 * their state with new variants, new ones start as drafts. Returns the removed targets that
 * were scheduled (their schedules go after the commit).
 */
async function replaceTargets(
  tx: Transaction,
  loaded: PostWithTargets,
  input: Required<Pick<PostInput, 'targets'>>,
  now: Date,
): Promise<string[]> {
  const wanted = new Map(input.targets.map((t) => [t.socialAccountId, t]));
  const removed = loaded.targets.filter((t) => !wanted.has(t.socialAccountId));
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
  await createDraftTargets(
    tx,
    input.targets
      .filter((t) => !existing.has(t.socialAccountId))
      .map((t) => ({
        organizationId: loaded.post.organizationId,
        postId: loaded.post.id,
        socialAccountId: t.socialAccountId,
        ...targetValues(t),
        createdAt: now,
        updatedAt: now,
      })),
    'added',
    now,
  );
  return removed.filter((t) => t.status === 'scheduled').map((t) => t.id);
}

/**
 * Edits a post that is not (and may not be) live. Scheduled targets publish what the post
 * says at fire time, so the new content must still pass their networks' rules.
 */
export async function updatePost(
  tx: Transaction,
  ports: PostPorts,
  actor: PostActor,
  postId: string,
  input: PostInput,
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { organizationId } = actor;
  const loaded = await loadPost(tx, organizationId, postId, true);
  if (loaded.targets.some((t) => FROZEN.includes(t.status))) {
    throw new ConflictError('This post is published or being published; duplicate it to make a new version.');
  }
  await assertReferences(tx, organizationId, input);
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
    .where(eq(posts.id, postId));
  const cancel = input.targets ? await replaceTargets(tx, loaded, { targets: input.targets }, now) : [];
  // Targets just removed are gone; the others lose their schedule if the approval reopens.
  const kept = { ...loaded, targets: loaded.targets.filter((t) => !cancel.includes(t.id)) };
  if (input.targets) {
    const wanted = new Set(input.targets.map((t) => t.socialAccountId));
    kept.targets = kept.targets.filter((t) => wanted.has(t.socialAccountId));
  }
  cancel.push(...(await reopenAfterEdit(tx, actor, kept, now)));
  const reloaded = await loadPost(tx, organizationId, postId);
  const scheduled = reloaded.targets.filter((t) => t.status === 'scheduled');
  if (scheduled.length > 0) assertPublishable(await checkTargets(tx, ports.checks, reloaded.post, scheduled));
  await rollUpPosts(tx, [postId]);
  await recordAudit(tx, actor.audit, {
    action: 'update',
    resourceType: 'post',
    resourceId: postId,
    oldValues: { content: loaded.post.content, targets: loaded.targets.map((t) => t.socialAccountId) },
    newValues: { content: input.content, targets: input.targets?.map((t) => t.socialAccountId) },
  });
  return {
    post: await loadPost(tx, organizationId, postId),
    effects: postEffects(organizationId, 'updated', [postId], { cancel }),
  };
}
