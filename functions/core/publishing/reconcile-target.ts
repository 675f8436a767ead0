import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { postPlatforms, posts, socialAccounts } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { withCallDeadline } from '../../platforms/call-deadline';
import {
  PlatformError,
  type Connector,
  type FoundPost,
  type PublishedPostLookup,
} from '../../platforms/connector';
import { lookupSettleOf } from './claim-lease';
import { targetMediaIds } from './drafts';
import { requestLookups } from './lookup-trigger';
import { moveTarget, type MoveContext } from './move-target';
import type { PostTarget } from './post-target-transitions';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { publishingSeams } from './seams';
import { markTargetsInFlight } from './sweep-marker';
import {
  AWAITING_LOOKUP,
  LOOKUP_FAILURE_LIMIT,
  lookupStateOf,
  NEEDS_PERSON,
  type LookupState,
} from './unconfirmed-state';

export type ReconcileOutcome = 'ignored' | 'published' | 'retrying' | 'needs_person' | 'waiting';

export interface ReconcileOptions {
  retryPolicy?: RetryPolicy;
}

/** Clocks differ between Plume and a network; a post's own time may read a little early. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;
/** One look-up is a few reads; it must not hold the worker like a publish. */
const LOOKUP_TIMEOUT_MS = 30_000;
/** Wait before looking again after a look-up failed (a network hiccup). */
const RETRY_LOOKUP_SECONDS = 60;

/**
 * Settles an `unconfirmed` target by looking for its post on the network instead of asking a
 * person first. Found: it is published, with the post's id and URL. Not found where the
 * network's answer is authoritative (an empty answer proves there is no post): it is
 * published again, so nothing is doubled. Anything less certain: a person is asked, with
 * what was searched. Every finding is written to the target's history.
 */
export async function reconcileTarget(
  container: Container,
  targetId: string,
  options: ReconcileOptions = {},
): Promise<ReconcileOutcome> {
  const { db, clock, logger } = container;
  const loaded = await withSystem(db, async (tx) => {
    const [target] = await tx.select().from(postPlatforms).where(eq(postPlatforms.id, targetId));
    if (!target) return undefined;
    const [post] = await tx.select().from(posts).where(eq(posts.id, target.postId));
    const [account] = await tx
      .select()
      .from(socialAccounts)
      .where(eq(socialAccounts.id, target.socialAccountId));
    return { target, post, account };
  });
  const state = loaded && lookupStateOf(loaded.target.platformData);
  if (
    !loaded ||
    !state ||
    loaded.target.status !== 'unconfirmed' ||
    loaded.target.errorCode !== AWAITING_LOOKUP
  ) {
    // Settled already (a duplicate message, or the late answer came first): nothing to do.
    return 'ignored';
  }
  const { target, post, account } = loaded;
  const context: MoveContext = { container, post, account };
  const who = account ? (account.accountName ?? account.accountHandle ?? account.platform) : 'the account';
  const connector = account ? publishingSeams().resolveConnector(account.platform, container) : undefined;
  const name = connector?.displayName ?? account?.platform ?? 'the network';

  const askPerson = async (found: string, details: Record<string, unknown>): Promise<ReconcileOutcome> => {
    const text = `${name} did not confirm this post (${state.reason}). ${found} Check ${who} before publishing it again: Plume will not re-send it on its own.`;
    await moveTarget(context, target, 'unconfirmed', {
      to: 'unconfirmed',
      reason: 'needs a person to check',
      change: { errorCode: NEEDS_PERSON, errorMessage: text, nextAttemptAt: null },
      details,
      notify: { type: 'post.unconfirmed', title: `Check ${who}: publication unconfirmed`, body: text },
    });
    return 'needs_person';
  };

  if (!post || post.deletedAt || !account || !connector?.findPublished) {
    return askPerson(`${name} offers Plume no way to look the post up.`, { lookup: 'unavailable' });
  }
  if (account.status !== 'active') {
    return askPerson(`Plume could not look for it: the account is ${account.status.replace('_', ' ')}.`, {
      lookup: 'unavailable',
      accountStatus: account.status,
    });
  }

  let answer: PublishedPostLookup;
  try {
    const credentials = await publishingSeams().loadCredentials(container, account, connector);
    const now = clock.now();
    const query = {
      idempotencyKey: target.id,
      text: target.content ?? post.content,
      mediaCount: targetMediaIds(post, target).length,
      since: new Date(Date.parse(state.claimedAt) - CLOCK_SKEW_MS),
      until: new Date(now.getTime() + CLOCK_SKEW_MS),
    };
    answer = await withCallDeadline(LOOKUP_TIMEOUT_MS, () => connector.findPublished!(credentials, query), {
      description: `${name} look-up`,
    });
  } catch (error) {
    return lookupFailed(error);
  }

  const match = await firstUnclaimed(answer.matches);
  if (match) return published(match, answer.searched);

  const settledAt = Date.parse(state.cutoffAt) + lookupSettleOf(connector);
  const now = clock.now().getTime();
  if (now < settledAt) {
    // Too early to trust an empty answer: the network may still be writing or listing it.
    await requestLookups(container.queue, [{ targetId, delaySeconds: (settledAt - now) / 1000 }]);
    return 'waiting';
  }
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  if (answer.authoritative && target.attempts < policy.maxAttempts) return publishAgain(answer.searched);
  return askPerson(
    answer.authoritative
      ? `It is not on ${name} (searched ${answer.searched}), but it was interrupted ${target.attempts} times.`
      : `Plume searched ${answer.searched} and did not find it, but ${name}'s answer cannot prove it is not there.`,
    { lookup: 'not_found', authoritative: answer.authoritative, searched: answer.searched },
  );

  /** A post already recorded for another target of the same account is not this one. */
  async function firstUnclaimed(matches: FoundPost[]): Promise<FoundPost | undefined> {
    if (matches.length === 0) return undefined;
    const taken = await withSystem(db, (tx) =>
      tx
        .select({ id: postPlatforms.platformPostId })
        .from(postPlatforms)
        .where(
          and(
            eq(postPlatforms.socialAccountId, target.socialAccountId),
            ne(postPlatforms.id, target.id),
            inArray(
              postPlatforms.platformPostId,
              matches.map((m) => m.platformPostId),
            ),
          ),
        ),
    );
    const takenIds = new Set(taken.map((row) => row.id));
    return matches.find((m) => !takenIds.has(m.platformPostId));
  }

  async function published(match: FoundPost, searched: string): Promise<ReconcileOutcome> {
    const unchecked = (target.thread ?? post!.thread ?? []).length > 0 || Boolean(target.firstComment);
    const warnings = unchecked
      ? ['Found after an interrupted publish: check that its replies or first comment went out too.']
      : [];
    const moved = await moveTarget(context, target, 'unconfirmed', {
      to: 'published',
      reason: `found on the network by its ${match.matchedBy === 'marker' ? 'idempotency marker' : 'text and time'}`,
      change: {
        errorCode: null,
        errorMessage: warnings.length > 0 ? warnings.join(' ') : null,
        nextAttemptAt: null,
        platformPostId: match.platformPostId,
        platformPostUrl: match.url,
        publishedAt: match.publishedAt ?? clock.now(),
        platformData: { followUpIds: match.followUpIds ?? [], warnings, foundBy: match.matchedBy },
      },
      details: {
        lookup: 'found',
        matchedBy: match.matchedBy,
        platformPostId: match.platformPostId,
        url: match.url,
        searched,
      },
      notify: {
        type: 'post.published',
        title: `Published to ${who}`,
        body: [`Confirmed on ${name} after an interrupted publish.`, match.url, ...warnings]
          .filter(Boolean)
          .join(' '),
      },
    });
    return moved ? 'published' : 'ignored';
  }

  async function publishAgain(searched: string): Promise<ReconcileOutcome> {
    const moved = await moveTarget(context, target, 'unconfirmed', {
      to: 'scheduled',
      reason: 'not on the network: publishing again',
      change: {
        errorCode: 'not_found_retrying',
        errorMessage: `The interrupted attempt did not reach ${name} (searched ${searched}); publishing it again.`,
        nextAttemptAt: clock.now(),
        platformData: null,
      },
      details: { lookup: 'not_found', authoritative: true, searched },
    });
    if (!moved) return 'ignored';
    // The claim (status and version) still guards this message against any duplicate.
    await container.queue.send('publish', { targetId: moved.id, version: moved.version });
    await markTargetsInFlight(container.kv, clock, clock.now());
    return 'retrying';
  }

  async function lookupFailed(error: unknown): Promise<ReconcileOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('Look-up of an unconfirmed post failed', { targetId, message });
    const failures = state!.failures + 1;
    // A refused token or permission (LinkedIn without r_member_social) will not pass by waiting.
    const final = error instanceof PlatformError && (error.kind === 'auth' || error.kind === 'permanent');
    if (final || failures >= LOOKUP_FAILURE_LIMIT) {
      return askPerson(`Plume could not look for it: ${message}`, { lookup: 'failed', error: message });
    }
    const next: LookupState = { ...state!, failures };
    await moveTarget(context, target, 'unconfirmed', {
      to: 'unconfirmed',
      reason: 'look-up failed; trying again',
      change: { platformData: { lookup: next } },
      details: { lookup: 'failed', error: message, failures },
    });
    await requestLookups(container.queue, [{ targetId, delaySeconds: RETRY_LOOKUP_SECONDS }]);
    return 'waiting';
  }
}

export type { Connector, PostTarget };
