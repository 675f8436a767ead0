import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Container } from '../../../adapters/container';
import { buildDraft, loadMedia, type PostRow, type TargetRow } from '../../../core/publishing/drafts';
import { publishingSeams } from '../../../core/publishing/seams';
import { postPlatforms, posts, socialAccounts } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { Platform, PostDraft, ValidationIssue } from '../../../platforms/connector';
import { HttpProblem, notFound } from '../../problem';

export type TargetWithAccount = TargetRow & {
  platform: Platform;
  accountName: string | null;
  accountHandle: string | null;
  accountStatus: string;
};
export interface PostWithTargets {
  post: PostRow;
  targets: TargetWithAccount[];
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

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

/** A live (not deleted) post of the organization with its targets, or 404. */
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
  if (!post) throw notFound('The post');
  return { post, targets: await loadTargets(tx, [post.id]) };
}

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
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    targets: targets.map(presentTarget),
  };
}

export interface TargetCheck {
  target: TargetWithAccount;
  draft: PostDraft;
  issues: ValidationIssue[];
  maxTextLength: number | null;
}

/**
 * Runs each target's connector validation on its effective draft (the same pure code the
 * dashboard runs for its counters), plus the checks only the server can make: the account
 * is usable, the media exist, the network is supported by this build.
 */
export async function checkTargets(
  tx: Transaction,
  container: Container,
  post: PostRow,
  targets: TargetWithAccount[],
): Promise<TargetCheck[]> {
  const allMedia = targets.flatMap((t) => t.mediaIds ?? post.mediaIds);
  const mediaById = await loadMedia(tx, post.organizationId, allMedia);
  const checks: TargetCheck[] = [];
  for (const target of targets) {
    const draft = await buildDraft(post, target, mediaById, async (row) => `media:${row.id}`);
    const issues: ValidationIssue[] = [];
    const missing = (target.mediaIds ?? post.mediaIds).filter((id) => !mediaById.has(id));
    if (missing.length > 0) {
      issues.push({
        field: 'media',
        code: 'media_missing',
        message: `${missing.length} attached file(s) were deleted or their upload was not accepted.`,
        severity: 'error',
      });
    }
    if (target.accountStatus === 'disconnected') {
      issues.push({
        field: 'options',
        code: 'account_disconnected',
        message: 'This account is disconnected; reconnect it first.',
        severity: 'error',
      });
    } else if (target.accountStatus === 'needs_reauth') {
      issues.push({
        field: 'options',
        code: 'account_needs_reauth',
        message: 'Reconnect this account or the post will wait.',
        severity: 'warning',
      });
    }
    const connector = publishingSeams().resolveConnector(target.platform, container);
    let maxTextLength: number | null = null;
    if (!connector) {
      issues.push({
        field: 'options',
        code: 'platform_unsupported',
        message: `This Plume build cannot publish to ${target.platform}.`,
        severity: 'error',
      });
    } else {
      const limits = connector.limits();
      maxTextLength = limits.maxTextLength;
      issues.push(...connector.validate(draft, limits));
    }
    checks.push({ target, draft, issues, maxTextLength });
  }
  return checks;
}

/** Refuses (422, nothing written) when any target has an error, listing every issue per target. */
export function assertPublishable(checks: TargetCheck[]): void {
  const failing = checks.filter((c) => c.issues.some((i) => i.severity === 'error'));
  if (failing.length === 0) return;
  throw new HttpProblem(
    422,
    'validation_failed',
    'Some targets cannot be published as they are; see `targets`.',
    {
      errors: failing.flatMap((c) =>
        c.issues
          .filter((i) => i.severity === 'error')
          .map((i) => ({
            field: `targets.${c.target.id}.${i.field}`,
            message: `${c.target.platform}: ${i.message}`,
          })),
      ),
      extensions: {
        targets: failing.map((c) => ({
          targetId: c.target.id,
          socialAccountId: c.target.socialAccountId,
          platform: c.target.platform,
          issues: c.issues,
        })),
      },
    },
  );
}
