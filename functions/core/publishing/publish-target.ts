import { eq } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { posts, socialAccounts } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { withCallDeadline } from '../../platforms/call-deadline';
import {
  PlatformError,
  type AccountCredentials,
  type Connector,
  type PublishedPost,
} from '../../platforms/connector';
import type { PublishTrigger } from '../ports';
import { announceAccount } from '../social-accounts/credentials';
import { lookupSettleOf, publishTimeoutOf } from './claim-lease';
import { buildDraft, loadMedia, targetMediaIds, type PostRow } from './drafts';
import { requestLookups } from './lookup-trigger';
import { announceTarget, moveTarget, type Move } from './move-target';
import { claimPostTarget, type PostTarget } from './post-target-transitions';
import {
  DEFAULT_RETRY_POLICY,
  MAX_QUEUE_DELAY_SECONDS,
  retryDelaySeconds,
  type RetryPolicy,
} from './retry-policy';
import { scheduleName } from './schedule-name';
import { publishingSeams, type SocialAccount } from './seams';
import { markTargetsInFlight } from './sweep-marker';
import { METRICS_SCHEDULE } from '../analytics/metrics-schedule';
import { bringMetricsSyncForward } from '../analytics/metrics-sync-tick';
import { AWAITING_LOOKUP, NEEDS_PERSON, type LookupState } from './unconfirmed-state';

export { announceTarget, targetUpdate } from './move-target';

export type PublishOutcome =
  'ignored' | 'published' | 'retrying' | 'failed' | 'unconfirmed' | 'waiting' | 'cancelled';

export interface PublishOptions {
  retryPolicy?: RetryPolicy;
  /** Waits between attempts to record an outcome (the database may be restarting). */
  pause?: (ms: number) => Promise<void>;
  /** Attempts to record the outcome of a call that reached the platform. */
  recordAttempts?: number;
}

const MEDIA_URL_TTL_SECONDS = 6 * 60 * 60;
const defaultPause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One publish delivery: claim, load, call the platform once, record the outcome. Only the
 * delivery that wins the claim gets past the first step, so a duplicate, stale or concurrent
 * message is a no-op. Every outcome is written (with the author's notification) before it is
 * pushed to browsers.
 */
export async function publishTarget(
  container: Container,
  trigger: PublishTrigger,
  options: PublishOptions = {},
): Promise<PublishOutcome> {
  const { db, clock, logger } = container;
  const seams = publishingSeams();
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const claim = await withSystem(db, (tx) => claimPostTarget(tx, trigger, clock.now()));
  if (!claim) {
    logger.info('Publish trigger ignored: stale version, duplicate delivery or not scheduled', {
      ...trigger,
    });
    return 'ignored';
  }
  const claimed: PostTarget = claim;
  // A claim that crashes must still be found by the sweep (it becomes `unconfirmed`).
  await markTargetsInFlight(container.kv, clock, clock.now());
  await announceTarget(container, claimed);

  const { post, account } = await withSystem(db, async (tx) => ({
    post: (await tx.select().from(posts).where(eq(posts.id, claimed.postId)))[0],
    account: (
      await tx.select().from(socialAccounts).where(eq(socialAccounts.id, claimed.socialAccountId))
    )[0],
  }));
  const who = account ? `${account.accountName ?? account.accountHandle ?? account.platform}` : 'the account';

  const context = { container, post, account };
  const move = (next: Move, from: PostTarget['status'] = 'publishing') =>
    moveTarget(context, claimed, from, next);

  if (!post || post.deletedAt) {
    await move({
      to: 'cancelled',
      reason: 'the post was deleted',
      change: { errorCode: null, errorMessage: null },
    });
    return 'cancelled';
  }
  if (!account || account.status !== 'active') {
    return wait(move, claimed, account, who);
  }
  const connector = seams.resolveConnector(account.platform, container);
  if (!connector) {
    await move({
      to: 'failed',
      reason: 'no connector',
      change: {
        errorCode: 'platform_unsupported',
        errorMessage: `This Plume build cannot publish to ${account.platform} yet.`,
      },
      notify: {
        type: 'post.failed',
        title: `Not published to ${who}`,
        body: `This Plume build cannot publish to ${account.platform} yet.`,
      },
    });
    return 'failed';
  }

  // Nothing has reached the platform yet: failures up to the call are safe to retry.
  let credentials: AccountCredentials;
  let draft;
  try {
    credentials = await seams.loadCredentials(container, account, connector);
    const mediaById = await withSystem(db, (tx) =>
      loadMedia(tx, post.organizationId, targetMediaIds(post, claimed)),
    );
    draft = await buildDraft(post, claimed, mediaById, (row) =>
      container.media.getDownloadUrl(row.s3Key, MEDIA_URL_TTL_SECONDS),
    );
  } catch (error) {
    return handleFailure(error, { beforeCall: true });
  }

  let published: PublishedPost;
  const callTimeoutMs = publishTimeoutOf(connector);
  try {
    // The call's own bound, enforced here: a claim can then never outlive its lease (the sweep
    // trusts that), and a call cut off by it is settled by looking the post up.
    published = await withCallDeadline(callTimeoutMs, () => connector.publish(credentials, draft), {
      description: connector.displayName,
      onLateResult: (late) => {
        recordLate(late as PublishedPost).catch((error: unknown) =>
          logger.warn('Could not record a publish that answered after its deadline', {
            targetId: claimed.id,
            error: String(error),
          }),
        );
      },
    });
  } catch (error) {
    return handleFailure(error, { beforeCall: false });
  }
  return recordPublished(published);

  async function handleFailure(
    error: unknown,
    { beforeCall }: { beforeCall: boolean },
  ): Promise<PublishOutcome> {
    const kind = error instanceof PlatformError ? error.kind : beforeCall ? 'transient' : 'unknown_outcome';
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('Publish attempt failed', { targetId: claimed.id, kind, message, attempt: claimed.attempts });
    if (kind === 'auth') {
      const reason = `${connector!.displayName} refused the stored sign-in: ${message} Reconnect the account to publish.`;
      await move({
        to: 'scheduled',
        reason: 'account needs reauthorization',
        change: {
          errorCode: 'account_needs_reauth',
          errorMessage: `Waiting: ${reason}`,
          attempts: 0,
          nextAttemptAt: null,
        },
        // markNeedsReauth tells the account's managers; the author hears about the post.
        notify: { type: 'post.waiting', title: `Post waiting: reconnect ${who}`, body: reason },
        also: (tx) => publishingSeams().markNeedsReauth(tx, account!.id, reason, clock.now()),
      });
      // After the commit: open Accounts pages show the account's new health at once.
      try {
        await announceAccount(container, { ...account!, status: 'needs_reauth', statusReason: reason });
      } catch (pushError) {
        logger.warn('Could not push an account update', { accountId: account!.id, error: String(pushError) });
      }
      return 'waiting';
    }
    if (kind === 'permanent') {
      await move({
        to: 'failed',
        reason: 'the platform refused the post',
        change: { errorCode: 'platform_rejected', errorMessage: message, nextAttemptAt: null },
        notify: { type: 'post.failed', title: `Not published to ${who}`, body: message },
      });
      return 'failed';
    }
    if (kind === 'unknown_outcome') return unknownOutcome(message);
    // transient or rate_limited
    if (claimed.attempts >= policy.maxAttempts) {
      const text = `Gave up after ${claimed.attempts} attempts. Last error from ${connector!.displayName}: ${message}`;
      await move({
        to: 'failed',
        reason: 'retries exhausted',
        change: { errorCode: kind, errorMessage: text, nextAttemptAt: null },
        notify: { type: 'post.failed', title: `Not published to ${who}`, body: text },
      });
      return 'failed';
    }
    const retryAfter = error instanceof PlatformError ? error.details.retryAfterSeconds : undefined;
    const delay = retryDelaySeconds(claimed.attempts, retryAfter, publishingSeams().random, policy);
    const at = new Date(clock.now().getTime() + delay * 1000);
    const moved = await move({
      to: 'scheduled',
      reason: kind === 'rate_limited' ? 'rate limited; retrying' : 'transient error; retrying',
      change: { errorCode: kind, errorMessage: message, nextAttemptAt: at },
    });
    if (!moved) return 'ignored';
    const retry = { targetId: moved.id, version: moved.version };
    // If this send is lost, the sweep re-fires the target once `next_attempt_at` has passed.
    if (delay <= MAX_QUEUE_DELAY_SECONDS)
      await container.queue.send('publish', retry, { delaySeconds: delay });
    else
      await container.scheduler.schedule({
        name: scheduleName(moved.id),
        at,
        timezone: moved.timezone ?? 'UTC',
        payload: retry,
      });
    await markTargetsInFlight(container.kv, clock, at);
    return 'retrying';
  }

  /**
   * The post may exist. Where the network lets Plume look it up, the target waits for that
   * look-up (reconcile-target.ts), which settles it or asks a person; elsewhere a person is
   * asked at once. Never re-sent blindly: a duplicate post is worse than a late one.
   */
  async function unknownOutcome(message: string): Promise<PublishOutcome> {
    const name = connector!.displayName;
    if (!connector!.findPublished) {
      const text = `We could not confirm whether ${name} published this post (${message}). Check the account before retrying: it will not be re-sent automatically.`;
      await move({
        to: 'unconfirmed',
        reason: 'outcome unknown',
        change: { errorCode: NEEDS_PERSON, errorMessage: text, nextAttemptAt: null },
        notify: { type: 'post.unconfirmed', title: `Check ${who}: publication unconfirmed`, body: text },
      });
      return 'unconfirmed';
    }
    const now = clock.now();
    const lookup: LookupState = {
      claimedAt: claimed.updatedAt.toISOString(),
      cutoffAt: now.toISOString(),
      failures: 0,
      reason: message,
    };
    const moved = await move({
      to: 'unconfirmed',
      reason: 'outcome unknown; looking the post up',
      change: {
        errorCode: AWAITING_LOOKUP,
        errorMessage: `${name} did not confirm this post (${message}). Plume is looking for it on ${name} before asking anyone.`,
        nextAttemptAt: null,
        platformData: { lookup },
      },
    });
    if (moved) {
      const settleMs = lookupSettleOf(connector!);
      await requestLookups(container.queue, [{ targetId: moved.id, delaySeconds: settleMs / 1000 }]);
      await markTargetsInFlight(container.kv, clock, now);
    }
    return 'unconfirmed';
  }

  /** A call that answered after its deadline: the post is live, so record it if still unsettled. */
  async function recordLate(result: PublishedPost): Promise<void> {
    const record = publishedMove(result);
    record.reason = 'published (the answer came after the deadline)';
    await move(record, 'unconfirmed');
  }

  function publishedMove(result: PublishedPost): Move {
    const warnings = result.warnings ?? [];
    return {
      to: 'published',
      reason: 'published',
      change: {
        errorCode: null,
        errorMessage: warnings.length > 0 ? warnings.join(' ') : null,
        nextAttemptAt: null,
        platformPostId: result.platformPostId,
        platformPostUrl: result.url,
        publishedAt: clock.now(),
        platformData: { followUpIds: result.followUpIds ?? [], warnings },
      },
      notify: {
        type: 'post.published',
        title: `Published to ${who}`,
        body: warnings.length > 0 ? `Published, with problems: ${warnings.join(' ')}` : result.url,
      },
    };
  }

  async function recordPublished(result: PublishedPost): Promise<PublishOutcome> {
    const record = publishedMove(result);
    // The post is live: try hard to record it. If the database stays down the target keeps
    // its `publishing` claim (so no delivery can send it again) and the sweep flags it.
    const attempts = options.recordAttempts ?? 4;
    for (let attempt = 1; ; attempt += 1) {
      try {
        // A slow database may let the claim's lease run out first: the sweep then made it
        // `unconfirmed`, and this answer settles it without a look-up.
        if (!(await move(record))) await move(record, 'unconfirmed');
        // Its first metrics are due within the hour (best effort: the daily look still finds it).
        await bringMetricsSyncForward(
          container.kv,
          new Date(clock.now().getTime() + METRICS_SCHEDULE.recentEveryMs),
        ).catch(() => undefined);
        return 'published';
      } catch (error) {
        if (attempt >= attempts) {
          logger.error('Published but could not record it; the claim blocks any re-send', {
            targetId: claimed.id,
            platformPostId: result.platformPostId,
            url: result.url,
            error: String(error),
          });
          throw error;
        }
        await (options.pause ?? defaultPause)(250 * attempt);
      }
    }
  }
}

async function wait(
  move: (next: Move) => Promise<PostTarget | undefined>,
  claimed: PostTarget,
  account: SocialAccount | undefined,
  who: string,
): Promise<PublishOutcome> {
  const code = account ? `account_${account.status}` : 'account_missing';
  const text = !account
    ? 'Waiting: the account was removed. Choose another account or delete this target.'
    : account.status === 'needs_reauth'
      ? `Waiting: ${who} must be reconnected before this post can go out.${account.statusReason ? ` (${account.statusReason})` : ''}`
      : `Waiting: ${who} is disconnected. Reconnect it to publish.`;
  await move({
    to: 'scheduled',
    reason: 'account not ready',
    change: { errorCode: code, errorMessage: text, attempts: 0, nextAttemptAt: null },
    // Tell the author once, not on every re-fire by the sweep.
    notify:
      claimed.errorCode === code
        ? undefined
        : { type: 'post.waiting', title: `Post waiting for ${who}`, body: text },
  });
  return 'waiting';
}

export type { Connector, PostRow };
