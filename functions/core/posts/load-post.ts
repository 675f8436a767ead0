import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { preparedQuery } from '../../db/prepared-query';
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

/**
 * A target's columns and its account's, selected flat: drizzle maps each row straight into a
 * `TargetWithAccount`. (Nesting the target and spreading it into a new object per row was
 * 4.6% of the posts list's CPU.)
 */
const targetColumns = {
  ...getTableColumns(postPlatforms),
  platform: socialAccounts.platform,
  accountName: socialAccounts.accountName,
  accountHandle: socialAccounts.accountHandle,
  accountStatus: socialAccounts.status,
};

/**
 * The targets of the posts `postIds` selects (a placeholder array, or a subquery such as one
 * page of a list), oldest first: the order the composer added them.
 */
export function targetsOfPostsQuery(tx: Transaction, postIds: SQL) {
  return tx
    .select(targetColumns)
    .from(postPlatforms)
    .innerJoin(socialAccounts, eq(socialAccounts.id, postPlatforms.socialAccountId))
    .where(sql`${postPlatforms.postId} in ${postIds}`)
    .orderBy(asc(postPlatforms.createdAt), asc(postPlatforms.id));
}

const targetsOfPosts = preparedQuery('targets_of_posts', (tx) =>
  targetsOfPostsQuery(tx, sql`(select unnest(${sql.placeholder('postIds')}::uuid[]))`),
);

/** The post if it is live and the organization's, by placeholders `id` and `organizationId`. */
const livePostQuery = (tx: Transaction) =>
  tx
    .select()
    .from(posts)
    .where(
      and(
        eq(posts.id, sql.placeholder('id')),
        eq(posts.organizationId, sql.placeholder('organizationId')),
        isNull(posts.deletedAt),
      ),
    );
const livePost = preparedQuery('live_post', livePostQuery);
const livePostLocked = preparedQuery('live_post_locked', (tx) => livePostQuery(tx).for('update'));

export async function loadTargets(tx: Transaction, postIds: string[]): Promise<TargetWithAccount[]> {
  if (postIds.length === 0) return [];
  return targetsOfPosts(tx, { postIds });
}

/**
 * A live (not deleted) post of the organization with its targets; NotFoundError otherwise.
 * Reading, both queries go out at once (one round trip; they are on every post page's path);
 * writers lock the post first so two edits or schedules of the same post run one after the
 * other, then read its targets.
 */
export async function loadPost(
  tx: Transaction,
  organizationId: string,
  id: string,
  lock = false,
): Promise<PostWithTargets> {
  if (lock) {
    const [post] = await livePostLocked(tx, { id, organizationId });
    if (!post) throw new NotFoundError('The post');
    return { post, targets: await loadTargets(tx, [post.id]) };
  }
  const [[post], targets] = await Promise.all([
    livePost(tx, { id, organizationId }),
    targetsOfPosts(tx, { postIds: [id] }),
  ]);
  if (!post) throw new NotFoundError('The post');
  return { post, targets };
}
