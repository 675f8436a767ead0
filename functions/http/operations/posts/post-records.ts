import type { PostWithTargets, TargetWithAccount } from '../../../core/posts/load-post';

/** Row -> API shape of posts and targets (the `Post` and `PostTarget` schemas of the contract). */

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function presentTarget(t: TargetWithAccount) {
  return {
    id: t.id,
    socialAccountId: t.socialAccountId,
    platform: t.platform,
    accountName: t.accountName,
    accountHandle: t.accountHandle,
    accountStatus: t.accountStatus,
    status: t.status,
    version: t.version,
    scheduledAt: iso(t.scheduledAt),
    timezone: t.timezone,
    content: t.content,
    thread: t.thread,
    mediaIds: t.mediaIds,
    firstComment: t.firstComment,
    options: t.options,
    attempts: t.attempts,
    nextAttemptAt: iso(t.nextAttemptAt),
    platformPostId: t.platformPostId,
    platformPostUrl: t.platformPostUrl,
    errorCode: t.errorCode,
    errorMessage: t.errorMessage,
    publishedAt: iso(t.publishedAt),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function presentPost({ post, targets }: PostWithTargets) {
  return {
    id: post.id,
    userId: post.userId,
    title: post.title,
    content: post.content,
    thread: post.thread,
    contentType: post.contentType,
    mediaIds: post.mediaIds,
    status: post.status,
    scheduledAt: iso(post.scheduledAt),
    timezone: post.timezone,
    publishedAt: iso(post.publishedAt),
    approvalStatus: post.approvalStatus,
    approvedBy: post.approvedBy,
    approvedAt: iso(post.approvedAt),
    aiGenerated: post.aiGenerated,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    targets: targets.map(presentTarget),
  };
}
