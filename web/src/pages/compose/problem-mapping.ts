import type { ProblemFieldError } from '../../api/problem';

export interface PlacedErrors {
  /** Account id -> messages for that account's tab. */
  byAccount: Record<string, string[]>;
  /** Messages that concern the post as a whole. */
  general: string[];
}

const SAVED_TARGET = /^targets\.([0-9a-f-]{36})\./i;
const REQUEST_TARGET = /^body\.targets\.(\d+)(?:\.|$)/;

/**
 * Puts the API's field errors where the author will look for them. A 422 from schedule or
 * publish names saved targets (`targets.<targetId>.text`); a 400 on save names the request's
 * targets by position (`body.targets.1.content`). Anything else belongs to the whole post.
 */
export function placeFieldErrors(
  errors: readonly ProblemFieldError[],
  context: {
    /** The saved post's targets, to turn a target id into its account. */
    savedTargets: readonly { id: string; socialAccountId: string }[];
    /** The accounts of the request that was sent, in order. */
    requestAccountIds: readonly string[];
  },
): PlacedErrors {
  const placed: PlacedErrors = { byAccount: {}, general: [] };
  const accountOfTarget = new Map(context.savedTargets.map((t) => [t.id, t.socialAccountId]));
  for (const error of errors) {
    const saved = SAVED_TARGET.exec(error.field);
    const requested = REQUEST_TARGET.exec(error.field);
    const accountId = saved
      ? accountOfTarget.get(saved[1]!)
      : requested
        ? context.requestAccountIds[Number(requested[1])]
        : undefined;
    if (accountId) (placed.byAccount[accountId] ??= []).push(error.message);
    else placed.general.push(error.message);
  }
  return placed;
}
