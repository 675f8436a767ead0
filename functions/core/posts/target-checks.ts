import type { Transaction } from '../../db/tenant';
import type { PostDraft, ValidationIssue } from '../../shared/platforms/types';
import { RuleViolation } from '../errors';
import { buildDraft, loadMedia, type PostRow } from '../publishing/drafts';
import type { TargetWithAccount } from './load-post';
import type { ChecksResolver } from './post-ports';

export interface TargetCheck {
  target: TargetWithAccount;
  draft: PostDraft;
  issues: ValidationIssue[];
  maxTextLength: number | null;
}

/**
 * Runs each target's network rules on its effective draft (the same pure code the dashboard
 * runs for its counters), plus the checks only the server can make: the account
 * is usable, the media exist, the network is supported by this build.
 */
export async function checkTargets(
  tx: Transaction,
  rulesOf: ChecksResolver,
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
    const network = rulesOf(target.platform);
    let maxTextLength: number | null = null;
    if (!network) {
      issues.push({
        field: 'options',
        code: 'platform_unsupported',
        message: `This Plume build cannot publish to ${target.platform}.`,
        severity: 'error',
      });
    } else {
      const limits = network.limits();
      maxTextLength = limits.maxTextLength;
      issues.push(...network.validate(draft, limits));
    }
    checks.push({ target, draft, issues, maxTextLength });
  }
  return checks;
}

/** Refuses (RuleViolation, nothing written) when any target has an error, listing every issue per target. */
export function assertPublishable(checks: TargetCheck[]): void {
  const failing = checks.filter((c) => c.issues.some((i) => i.severity === 'error'));
  if (failing.length === 0) return;
  throw new RuleViolation(
    'Some targets cannot be published as they are; see `targets`.',
    failing.flatMap((c) =>
      c.issues
        .filter((i) => i.severity === 'error')
        .map((i) => ({
          field: `targets.${c.target.id}.${i.field}`,
          message: `${c.target.platform}: ${i.message}`,
        })),
    ),
    {
      targets: failing.map((c) => ({
        targetId: c.target.id,
        socialAccountId: c.target.socialAccountId,
        platform: c.target.platform,
        issues: c.issues,
      })),
    },
  );
}
