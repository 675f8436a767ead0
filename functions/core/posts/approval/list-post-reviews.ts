import { asc, eq, sql, type SQL } from 'drizzle-orm';
import { postReviews, users, type PostApprovalStatus, type PostReviewAction } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { loadPost } from '../load-post';

export interface PostReview {
  id: string;
  action: PostReviewAction;
  fromStatus: PostApprovalStatus | null;
  toStatus: PostApprovalStatus | null;
  comment: string | null;
  createdAt: Date;
  /** Null for a step the system took (an agent's draft sent for review) or an erased person. */
  user: { id: string; name: string } | null;
}

/** Review rows with the name of who took each step, under `where`, oldest first. */
async function selectReviews(tx: Transaction, where: SQL): Promise<PostReview[]> {
  const rows = await tx
    .select({
      id: postReviews.id,
      action: postReviews.action,
      fromStatus: postReviews.fromStatus,
      toStatus: postReviews.toStatus,
      comment: postReviews.comment,
      createdAt: postReviews.createdAt,
      userId: postReviews.userId,
      // A name to show; people without one are shown by their address's local part.
      name: sql<string>`coalesce(nullif(trim(concat_ws(' ', ${users.firstName}, ${users.lastName})), ''), split_part(${users.email}, '@', 1))`,
    })
    .from(postReviews)
    .leftJoin(users, eq(users.id, postReviews.userId))
    .where(where)
    .orderBy(asc(postReviews.createdAt), asc(postReviews.id));
  return rows.map(({ userId, name, ...review }) => ({
    ...review,
    user: userId ? { id: userId, name } : null,
  }));
}

/** A post's review history and comments, oldest first; NotFound for another organization's post. */
export async function listPostReviews(
  tx: Transaction,
  organizationId: string,
  postId: string,
): Promise<PostReview[]> {
  await loadPost(tx, organizationId, postId);
  return selectReviews(tx, eq(postReviews.postId, postId));
}

/** One review row as the history shows it. */
export async function loadPostReview(tx: Transaction, id: string): Promise<PostReview> {
  const [review] = await selectReviews(tx, eq(postReviews.id, id));
  return review!;
}
