import type { components } from '../../api/schema.gen';
import type { ComposerAccount } from './accounts';

export type Post = components['schemas']['Post'];
export type PostTargetStatus = components['schemas']['PostTarget']['status'];
export type CreatePostRequest = components['schemas']['CreatePostRequest'];
export type PostTargetInput = components['schemas']['PostTargetInput'];
type ContentType = NonNullable<CreatePostRequest['contentType']>;

/**
 * What the composer edits. One main text (with optional replies and a first comment) goes to
 * every chosen account; an account with an entry in `overrides` publishes its own text instead.
 */
export interface ComposerState {
  content: string;
  thread: string[];
  firstComment: string;
  mediaIds: string[];
  /** Chosen accounts, in the order they were picked. */
  accountIds: string[];
  /** Account id -> that account's own text. */
  overrides: Record<string, string>;
  /**
   * Per-target settings this editor does not show (media variants, network options), kept
   * from a loaded post so that saving does not wipe them.
   */
  kept: Record<string, { mediaIds: string[] | null; options: Record<string, unknown> | null }>;
}

export const emptyComposer = (): ComposerState => ({
  content: '',
  thread: [],
  firstComment: '',
  mediaIds: [],
  accountIds: [],
  overrides: {},
  kept: {},
});

/** Target states whose content may still change (the server's SCHEDULABLE; the rest may be live). */
export const EDITABLE_TARGET_STATUSES: readonly PostTargetStatus[] = [
  'draft',
  'scheduled',
  'failed',
  'missed',
  'cancelled',
];

export function isEditablePost(post: Post): boolean {
  return post.targets.every((t) => EDITABLE_TARGET_STATUSES.includes(t.status));
}

export function toggleAccount(state: ComposerState, accountId: string): ComposerState {
  if (!state.accountIds.includes(accountId))
    return { ...state, accountIds: [...state.accountIds, accountId] };
  const overrides = { ...state.overrides };
  delete overrides[accountId];
  return { ...state, accountIds: state.accountIds.filter((id) => id !== accountId), overrides };
}

/** "Customise for <network>": the account starts from the main text and then goes its own way. */
export function customise(state: ComposerState, accountId: string): ComposerState {
  if (accountId in state.overrides) return state;
  return { ...state, overrides: { ...state.overrides, [accountId]: state.content } };
}

export function setOverride(state: ComposerState, accountId: string, text: string): ComposerState {
  return { ...state, overrides: { ...state.overrides, [accountId]: text } };
}

/** "Use main text": drops the account's own text. */
export function dropOverride(state: ComposerState, accountId: string): ComposerState {
  const overrides = { ...state.overrides };
  delete overrides[accountId];
  return { ...state, overrides };
}

export const isCustomised = (state: ComposerState, accountId: string): boolean =>
  Object.prototype.hasOwnProperty.call(state.overrides, accountId);

export const textFor = (state: ComposerState, accountId: string): string =>
  isCustomised(state, accountId) ? state.overrides[accountId]! : state.content;

/** Replies with something in them; an empty reply box is not a reply. */
export const filledReplies = (state: ComposerState): string[] => state.thread.filter((r) => r.trim() !== '');

export const anySupports = (
  accounts: readonly ComposerAccount[],
  feature: 'supportsThreads' | 'supportsFirstComment',
): boolean => accounts.some((a) => a.limits[feature]);

function contentTypeOf(kinds: readonly string[]): ContentType {
  if (kinds.length === 0) return 'text';
  if (kinds.length > 1) return 'carousel';
  return kinds[0] === 'video' ? 'video' : 'image';
}

/**
 * The body of POST /posts (and PUT /posts/{id}) for the editor's state. Replies and the
 * first comment only go to networks that take them: a network without threads gets an
 * explicit empty thread, so the shared replies do not make its validation fail.
 */
export function buildPostRequest(
  state: ComposerState,
  accounts: readonly ComposerAccount[],
  options: { timezone: string; mediaKinds: readonly string[] },
): CreatePostRequest & { targets: PostTargetInput[] } {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const replies = filledReplies(state);
  const comment = state.firstComment.trim() === '' ? null : state.firstComment;
  return {
    content: state.content,
    thread: replies.length > 0 ? replies : null,
    mediaIds: state.mediaIds,
    contentType: contentTypeOf(options.mediaKinds),
    timezone: options.timezone,
    targets: state.accountIds.map((accountId) => {
      const limits = byId.get(accountId)?.limits;
      const kept = state.kept[accountId];
      return {
        socialAccountId: accountId,
        content: isCustomised(state, accountId) ? state.overrides[accountId]! : null,
        thread: replies.length > 0 && limits && !limits.supportsThreads ? [] : null,
        firstComment: limits?.supportsFirstComment ? comment : null,
        mediaIds: kept?.mediaIds ?? null,
        options: kept?.options ?? null,
      };
    }),
  };
}

/** The editor's state for a saved post (the inverse of buildPostRequest). */
export function stateFromPost(post: Post): ComposerState {
  const overrides: Record<string, string> = {};
  const kept: ComposerState['kept'] = {};
  for (const target of post.targets) {
    if (target.content !== null) overrides[target.socialAccountId] = target.content;
    if (target.mediaIds !== null || target.options !== null)
      kept[target.socialAccountId] = { mediaIds: target.mediaIds, options: target.options };
  }
  return {
    content: post.content,
    thread: post.thread ?? [],
    firstComment: post.targets.find((t) => t.firstComment)?.firstComment ?? '',
    mediaIds: post.mediaIds,
    accountIds: post.targets.map((t) => t.socialAccountId),
    overrides,
    kept,
  };
}
