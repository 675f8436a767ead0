import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { ConflictError } from '../errors';
import { initialApprovalStatus } from './approval/approval-state';
import { loadApprovalPolicy } from './approval/load-approval-policy';
import { insertPost } from './insert-post';
import { loadPost } from './load-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';

/** Copies a post as a new draft, to every account of it that is still connected. */
export async function duplicatePost(
  tx: Transaction,
  ports: Pick<PostPorts, 'clock'>,
  actor: PostActor,
  postId: string,
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { organizationId } = actor;
  const { post, targets } = await loadPost(tx, organizationId, postId);
  const usable = targets.filter((t) => t.accountStatus !== 'disconnected');
  if (usable.length === 0)
    throw new ConflictError('Every account of this post is disconnected; nothing to copy to.');
  // A copy is a new post of whoever copied it: it does not inherit the original's approval.
  const approvalStatus = initialApprovalStatus(await loadApprovalPolicy(tx, organizationId), {
    role: actor.role,
  });
  const { post: copy } = await insertPost(
    tx,
    organizationId,
    actor.userId,
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
    { approvalStatus },
  );
  const id = copy.id;
  await recordAudit(tx, actor.audit, {
    action: 'duplicate',
    resourceType: 'post',
    resourceId: id,
    newValues: { from: post.id },
  });
  return {
    post: await loadPost(tx, organizationId, id),
    effects: postEffects(organizationId, 'created', [id]),
  };
}
