import type { components } from '../../api/schema.gen';
import {
  measureText,
  validateForPlatform,
  type MediaItem,
  type PostDraft,
  type ValidationIssue,
} from '../../publishing/rules';
import type { Platform } from '../../publishing/platforms';
import type { ComposerAccount } from './accounts';
import { filledReplies, textFor, type ComposerState } from './compose-state';

type LibraryMedia = components['schemas']['Media'];

/** A library file as the networks' rules see it (the URL is never fetched while validating). */
export function toDraftMedia(item: LibraryMedia): MediaItem {
  return {
    id: item.id,
    kind: item.kind,
    mimeType: item.mimeType,
    bytes: item.sizeBytes,
    width: item.width ?? undefined,
    height: item.height ?? undefined,
    durationSeconds: item.durationMs === null ? undefined : item.durationMs / 1000,
    altText: item.altText ?? undefined,
    url: item.url ?? `media:${item.id}`,
  };
}

/** What one account would publish, built the way the server builds it (functions/core/publishing/drafts.ts). */
export function draftFor(
  state: ComposerState,
  account: ComposerAccount,
  mediaById: ReadonlyMap<string, LibraryMedia>,
): PostDraft {
  const mediaIds = state.kept[account.id]?.mediaIds ?? state.mediaIds;
  const media = mediaIds.flatMap((id) => {
    const item = mediaById.get(id);
    return item ? [toDraftMedia(item)] : [];
  });
  const replies = filledReplies(state);
  const comment = state.firstComment.trim();
  return {
    text: textFor(state, account.id),
    media,
    ...(replies.length > 0 && account.limits.supportsThreads ? { thread: replies } : {}),
    ...(comment !== '' && account.limits.supportsFirstComment ? { firstComment: state.firstComment } : {}),
    ...(state.kept[account.id]?.options ? { options: state.kept[account.id]!.options! } : {}),
  };
}

export type CounterTone = 'ok' | 'near' | 'over';

/** Amber from 90 % of the limit (and always within the last 20 characters), red past it. */
export function counterTone(used: number, limit: number): CounterTone {
  if (used > limit) return 'over';
  if (used >= limit * 0.9 || limit - used <= 20) return 'near';
  return 'ok';
}

export interface TargetCheck {
  account: ComposerAccount;
  platform: Platform;
  draft: PostDraft;
  used: number;
  limit: number;
  tone: CounterTone;
  issues: ValidationIssue[];
}

/** Account problems only the composer can see before saving (the server adds the same warning). */
function accountIssues(account: ComposerAccount): ValidationIssue[] {
  if (account.status !== 'needs_reauth') return [];
  return [
    {
      field: 'options',
      code: 'account_needs_reauth',
      message: 'Reconnect this account or the post will wait.',
      severity: 'warning',
    },
  ];
}

/** Each chosen account's counter and issues, with the same rules the API applies on save. */
export function checkTargets(
  state: ComposerState,
  accounts: readonly ComposerAccount[],
  mediaById: ReadonlyMap<string, LibraryMedia>,
): TargetCheck[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return state.accountIds.flatMap((id) => {
    const account = byId.get(id);
    if (!account) return [];
    const draft = draftFor(state, account, mediaById);
    const used = measureText(account.platform, draft.text, account.limits);
    const limit = account.limits.maxTextLength;
    return [
      {
        account,
        platform: account.platform,
        draft,
        used,
        limit,
        tone: counterTone(used, limit),
        issues: [...accountIssues(account), ...validateForPlatform(account.platform, draft, account.limits)],
      },
    ];
  });
}

export const errorsOf = (check: TargetCheck): ValidationIssue[] =>
  check.issues.filter((i) => i.severity === 'error');

/** Why scheduling or publishing is refused right now; empty when nothing blocks it. */
export function blockingReasons(state: ComposerState, checks: readonly TargetCheck[]): string[] {
  const reasons: string[] = [];
  if (state.accountIds.length === 0) reasons.push('Choose at least one account to post to.');
  for (const check of checks) {
    for (const issue of errorsOf(check)) reasons.push(`${check.account.name}: ${issue.message}`);
  }
  return reasons;
}
