import type { Transaction } from '../../db/tenant';
import { loadPost } from './load-post';
import type { PostPorts } from './post-ports';
import { checkTargets, type TargetCheck } from './target-checks';

/** Each target's effective draft and its network's verdict on it, without changing anything. */
export async function previewPost(
  tx: Transaction,
  ports: Pick<PostPorts, 'checks'>,
  organizationId: string,
  postId: string,
): Promise<{ postId: string; checks: TargetCheck[] }> {
  const { post, targets } = await loadPost(tx, organizationId, postId);
  return { postId: post.id, checks: await checkTargets(tx, ports.checks, post, targets) };
}
