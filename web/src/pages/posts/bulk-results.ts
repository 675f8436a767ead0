import { isApiProblem } from '../../api/problem';

export type BulkAction = 'delete' | 'duplicate';

/** What happened to one selected post. */
export type BulkOutcome =
  { postId: string; label: string; ok: true } | { postId: string; label: string; ok: false; error: unknown };

export interface BulkSummary {
  tone: 'success' | 'warning' | 'danger';
  headline: string;
  succeeded: string[];
  failures: { postId: string; label: string; reason: string }[];
}

const PAST: Record<BulkAction, string> = { delete: 'Deleted', duplicate: 'Duplicated' };
const VERB: Record<BulkAction, string> = { delete: 'deleted', duplicate: 'duplicated' };
const posts = (count: number) => `${count} ${count === 1 ? 'post' : 'posts'}`;

/** The server's own words for a refusal (409 "being published right now" says what to do). */
function reasonFor(error: unknown): string {
  if (isApiProblem(error)) {
    if (error.status === 404) return 'It no longer exists (deleted elsewhere?).';
    return error.detail ?? error.title;
  }
  return 'Something went wrong; try again.';
}

/**
 * One sentence for the whole batch plus one line per post that failed: the successes are
 * never hidden behind a failure, and each failure says why in the API's words.
 */
export function summariseBulk(action: BulkAction, outcomes: readonly BulkOutcome[]): BulkSummary {
  const succeeded = outcomes.filter((o) => o.ok).map((o) => o.postId);
  const failures = outcomes.flatMap((o) =>
    o.ok ? [] : [{ postId: o.postId, label: o.label, reason: reasonFor(o.error) }],
  );
  let headline: string;
  let tone: BulkSummary['tone'];
  if (failures.length === 0) {
    tone = 'success';
    headline = `${PAST[action]} ${posts(succeeded.length)}.`;
  } else if (succeeded.length === 0) {
    tone = 'danger';
    headline = `No post was ${VERB[action]}: ${failures.length === 1 ? 'it was' : `all ${failures.length} were`} refused.`;
  } else {
    tone = 'warning';
    headline = `${PAST[action]} ${posts(succeeded.length)}; ${posts(failures.length)} could not be ${VERB[action]}.`;
  }
  return { tone, headline, succeeded, failures };
}

/** Runs `act` for every selected post, all at once, and records each outcome (never throws). */
export async function runBulk(
  items: readonly { postId: string; label: string }[],
  act: (postId: string) => Promise<unknown>,
): Promise<BulkOutcome[]> {
  const settled = await Promise.allSettled(items.map((item) => act(item.postId)));
  return settled.map((result, index): BulkOutcome => {
    const { postId, label } = items[index]!;
    return result.status === 'fulfilled'
      ? { postId, label, ok: true }
      : { postId, label, ok: false, error: result.reason };
  });
}
