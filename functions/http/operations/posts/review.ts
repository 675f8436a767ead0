import { commentOnPost as commentOnPostUseCase } from '../../../core/posts/approval/comment-on-post';
import {
  listPostReviews as listPostReviewsUseCase,
  type PostReview,
} from '../../../core/posts/approval/list-post-reviews';
import { reviewPost } from '../../../core/posts/approval/review-post';
import type { ReviewStep } from '../../../core/posts/approval/approval-state';
import { applyPostEffects } from '../../../core/posts/post-effects';
import { withTenant } from '../../../db/tenant';
import type { AuthContext } from '../../auth-context';
import type { Operation } from '../../operation';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Container } from '../../../adapters/container';
import { postActor } from './post-actor';
import { presentPost } from './post-records';

const presentReview = (review: PostReview) => ({ ...review, createdAt: review.createdAt.toISOString() });

/** One review step over HTTP: the use-case in one transaction, then its effects (pushes, mail). */
async function takeStep(
  context: { container: Container; event: APIGatewayProxyEventV2; auth: AuthContext },
  postId: string,
  step: ReviewStep,
  comment: string | undefined,
) {
  const actor = postActor(context.event, context.auth);
  const { post, effects } = await withTenant(context.container.db, actor.organizationId, (tx) =>
    reviewPost(tx, context.container, actor, postId, step, comment),
  );
  await applyPostEffects(context.container, effects);
  return { body: presentPost(post) };
}

export const submitPostForReview: Operation<'submitPostForReview'> = ({ params, body }, context) =>
  takeStep(context, params.id, 'submitted', body?.comment);

export const approvePost: Operation<'approvePost'> = ({ params, body }, context) =>
  takeStep(context, params.id, 'approved', body?.comment);

export const requestPostChanges: Operation<'requestPostChanges'> = ({ params, body }, context) =>
  takeStep(context, params.id, 'changes_requested', body?.comment);

export const listPostReviews: Operation<'listPostReviews'> = async ({ params }, { container, auth }) => {
  const reviews = await withTenant(container.db, auth.organizationId, (tx) =>
    listPostReviewsUseCase(tx, auth.organizationId, params.id),
  );
  return { body: { reviews: reviews.map(presentReview) } };
};

export const commentOnPost: Operation<'commentOnPost'> = async (
  { params, body },
  { container, event, auth },
) => {
  const actor = postActor(event, auth);
  const { review, effects } = await withTenant(container.db, actor.organizationId, (tx) =>
    commentOnPostUseCase(tx, container, actor, params.id, body?.comment),
  );
  await applyPostEffects(container, effects);
  return { status: 201, body: presentReview(review) };
};
