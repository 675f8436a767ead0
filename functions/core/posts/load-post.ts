import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import type { Transaction } from '../../db/tenant';
import type { Platform } from '../../platforms/connector';
import { NotFoundError } from '../errors';
import type { PostRow, TargetRow } from '../publishing/drafts';

export type TargetWithAccount = TargetRow & {
  platform: Platform;
  accountName: string | null;
  accountHandle: string | null;
  accountStatus: string;
};

/** A post with each of its targets and the account the target goes to. */
export interface PostWithTargets {
  post: PostRow;
  targets: TargetWithAccount[];
}

export async function loadTargets(tx: Transaction, postIds: string[]): Promise<TargetWithAccount[]> {
  if (postIds.length === 0) return [];
  const rows = await tx
    .select({
      target: postPlatforms,
      platform: socialAccounts.platform,
      accountName: socialAccounts.accountName,
      accountHandle: socialAccounts.accountHandle,
      accountStatus: socialAccounts.status,
    })
    .from(postPlatforms)
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .where(inArray(postPlatforms.postId, postIds))
    .orderBy(asc(postPlatforms.createdAt), asc(postPlatforms.id));
  return rows.map(({ target, ...account }) => ({ ...target, ...account }));
}

/** A live (not deleted) post of the organization with its targets; NotFoundError otherwise. */
export async function loadPost(
  tx: Transaction,
  organizationId: string,
  id: string,
  lock = false,
): Promise<PostWithTargets> {
  const query = tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, id), eq(posts.organizationId, organizationId), isNull(posts.deletedAt)));
  // Writers lock the post so two edits or schedules of the same post run one after the other.
  const [post] = lock ? await query.for('update') : await query;
  if (!post) throw new NotFoundError('The post');
  return { post, targets: await loadTargets(tx, [post.id]) };
}
