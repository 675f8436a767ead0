import type { Transaction } from '../../db/tenant';
import { recordAudit } from '../audit/record-audit';
import { initialApprovalStatus } from './approval/approval-state';
import { loadApprovalPolicy } from './approval/load-approval-policy';
import { insertPost } from './insert-post';
import type { PostActor } from './post-actor';
import { postEffects } from './post-effects';
import type { NewPostInput } from './post-input';
import type { PostOutcome } from './post-outcome';
import type { PostPorts } from './post-ports';
import { assertReferences } from './references';

/** A new draft with its targets; accounts and media must be the organization's own. */
export async function createPost(
  tx: Transaction,
  ports: Pick<PostPorts, 'clock'>,
  actor: PostActor,
  input: NewPostInput,
): Promise<PostOutcome> {
  const now = ports.clock.now();
  const { organizationId, userId } = actor;
  const [accounts, policy] = await Promise.all([
    assertReferences(tx, organizationId, input),
    loadApprovalPolicy(tx, organizationId),
  ]);
  const approvalStatus = initialApprovalStatus(policy, { role: actor.role });
  // The rows come back from the inserts, and the accounts from the check: no read-back.
  const id = crypto.randomUUID();
  const [{ post, targets }] = await Promise.all([
    insertPost(tx, organizationId, userId, input, now, { approvalStatus }, id),
    recordAudit(tx, actor.audit, {
      action: 'create',
      resourceType: 'post',
      resourceId: id,
      newValues: { targets: input.targets.length },
    }),
  ]);
  return {
    post: {
      post,
      targets: targets.map((target) => ({ ...target, ...accounts.get(target.socialAccountId)! })),
    },
    effects: postEffects(organizationId, 'created', [post.id]),
  };
}
