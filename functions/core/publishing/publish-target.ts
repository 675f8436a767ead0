import { eq } from 'drizzle-orm';
import type { Container } from '../../adapters/container';
import { posts, socialAccounts, type PostTargetStatus } from '../../db/schema';
import { withSystem, type Transaction } from '../../db/tenant';
import {
  PlatformError,
  type AccountCredentials,
  type Connector,
  type PublishedPost,
} from '../../platforms/connector';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { notifyPostTarget, type PostNotificationType } from '../notifications/post-notifications';
import type { PublishTrigger } from '../ports';
import { announceAccount } from '../social-accounts/credentials';
import { buildDraft, loadMedia, targetMediaIds, type PostRow } from './drafts';
import {
  claimPostTarget,
  transitionPostTarget,
  type PostTarget,
  type TransitionChange,
} from './post-target-transitions';
import { refreshPostStatus } from './post-status';
import {
  DEFAULT_RETRY_POLICY,
  MAX_QUEUE_DELAY_SECONDS,
  retryDelaySeconds,
  type RetryPolicy,
} from './retry-policy';
import { publishingSeams, type SocialAccount } from './seams';
import { markTargetsInFlight } from './sweep-marker';

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

export const scheduleName = (targetId: string): string => `post-target-${targetId}`;

/** What browsers receive on `post-target.updated`. */
export function targetUpdate(target: PostTarget) {
  return {
    id: target.id,
    postId: target.postId,
    socialAccountId: target.socialAccountId,
    status: target.status,
    version: target.version,
    scheduledAt: target.scheduledAt?.toISOString() ?? null,
    nextAttemptAt: target.nextAttemptAt?.toISOString() ?? null,
    errorCode: target.errorCode,
    errorMessage: target.errorMessage,
    platformPostId: target.platformPostId,
    platformPostUrl: target.platformPostUrl,
    publishedAt: target.publishedAt?.toISOString() ?? null,
  };
}

export async function announceTarget(container: Container, target: PostTarget): Promise<void> {
  try {
    await container.realtime.broadcast(target.organizationId, {
      type: 'post-target.updated',
      data: targetUpdate(target),
    });
  } catch (error) {
    // The database already holds the truth; a lost push is repaired by the next page load.
    container.logger.warn('Could not push a post target update', {
      targetId: target.id,
      error: String(error),
    });
  }
}

interface Move {
  to: PostTargetStatus;
  reason: string;
  change?: TransitionChange;
  notify?: { type: PostNotificationType; title: string; body?: string };
  /** Extra work in the same transaction (marking the account needs_reauth). */
  also?: (tx: Transaction) => Promise<void>;
}

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

  const move = async (move: Move): Promise<PostTarget | undefined> => {
    let emails: string[] = [];
    const moved = await withSystem(db, async (tx) => {
      const updated = await transitionPostTarget(
        tx,
        claimed,
        'publishing',
        move.to,
        move.reason,
        clock.now(),
        move.change,
      );
      if (!updated) return undefined;
      await move.also?.(tx);
      await refreshPostStatus(tx, updated.postId);
      if (move.notify && post) {
        await notifyPostTarget(tx, {
          organizationId: updated.organizationId,
          userId: post.userId,
          postId: updated.postId,
          targetId: updated.id,
          ...move.notify,
          data: { status: updated.status, platform: account?.platform, errorCode: updated.errorCode },
        });
      }
      // Emails queued by the notifications above (and by markNeedsReauth), sent after the commit.
      emails = takePendingEmails(tx);
      return updated;
    });
    if (moved) await announceTarget(container, moved);
    await enqueueNotificationEmails(container, emails);
    return moved;
  };

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
  try {
    published = await connector.publish(credentials, draft);
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
    if (kind === 'unknown_outcome') {
      const text = `We could not confirm whether ${connector!.displayName} published this post (${message}). Check the account before retrying: it will not be re-sent automatically.`;
      await move({
        to: 'unconfirmed',
        reason: 'outcome unknown',
        change: { errorCode: 'unknown_outcome', errorMessage: text, nextAttemptAt: null },
        notify: { type: 'post.unconfirmed', title: `Check ${who}: publication unconfirmed`, body: text },
      });
      return 'unconfirmed';
    }
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

  async function recordPublished(result: PublishedPost): Promise<PublishOutcome> {
    const warnings = result.warnings ?? [];
    const record: Move = {
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
    // The post is live: try hard to record it. If the database stays down the target keeps
    // its `publishing` claim (so no delivery can send it again) and the sweep flags it.
    const attempts = options.recordAttempts ?? 4;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await move(record);
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
  move: (move: Move) => Promise<PostTarget | undefined>,
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
