import { createAreaHandler } from '../area-handler';
import { postsContracts } from '../../shared/contracts/posts';
import { bulkSchedulePosts } from '../operations/posts/bulk-schedule';
import { getCalendar } from '../operations/posts/calendar';
import {
  createPost,
  deletePost,
  duplicatePost,
  getPost,
  listPosts,
  updatePost,
} from '../operations/posts/crud';
import { previewPost } from '../operations/posts/preview';
import {
  approvePost,
  commentOnPost,
  listPostReviews,
  requestPostChanges,
  submitPostForReview,
} from '../operations/posts/review';
import { publishPostNow, schedulePost } from '../operations/posts/schedule';

export const handler = createAreaHandler('posts', postsContracts, {
  listPosts,
  createPost,
  getPost,
  updatePost,
  deletePost,
  duplicatePost,
  schedulePost,
  publishPostNow,
  previewPost,
  bulkSchedulePosts,
  getCalendar,
  submitPostForReview,
  approvePost,
  requestPostChanges,
  listPostReviews,
  commentOnPost,
});
