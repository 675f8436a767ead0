import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { analytics, postPlatforms, socialAccounts } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import {
  PlatformError,
  type AccountCredentials,
  type AccountMetrics,
  type AudienceReading,
  type Connector,
} from '../../platforms/connector';
import { tighterRateLimit } from '../../platforms/rate-limit-headers';
import { snapshotColumns } from '../analytics/post-metric-figures';
import { connectorContext, connectorFor } from '../../platforms/registry';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { markTargetsInFlight } from '../publishing/sweep-marker';
import { accountData, type AccountData } from './account-data';
import { audienceReadOn, storeAccountReading, storeAudienceReading } from './account-reading';
import {
  announceAccount,
  ensureFreshCredentials,
  loadAccountCredentials,
  markNeedsReauth,
} from './credentials';

/** Posts whose metrics a sync refreshes: those published in this window, newest first. */
export const SYNC_METRICS_WINDOW_DAYS = 30;
const SYNC_METRICS_MAX_POSTS = 100;

export interface SyncRequest {
  organizationId: string;
  accountId: string;
}

/** When the network's allowance ran out but it named no reset: wait this long (its usual window). */
const RATE_LIMIT_DEFAULT_WAIT_MS = 60 * 60 * 1000;

interface AccountFigures {
  reading?: AccountMetrics;
  audience?: AudienceReading;
  /** A permanent refusal (a missing scope, an account type without figures): post metrics still count. */
  error?: string;
}

/**
 * The account's own figures, and its audience when `withAudience` (once a UTC day, for quotas)
 * and the allowance is not spent. Auth, transient and rate-limit errors fail the sync as a
 * post-metrics error would; a permanent refusal is kept on the account and the sync goes on.
 */
async function readAccountFigures(
  connector: Connector,
  credentials: AccountCredentials,
  withAudience: boolean,
): Promise<AccountFigures> {
  const figures: AccountFigures = {};
  try {
    if (connector.fetchAccountMetrics) figures.reading = await connector.fetchAccountMetrics(credentials);
    if (withAudience && connector.fetchAudience && !figures.reading?.rateLimit?.exhausted)
      figures.audience = await connector.fetchAudience(credentials);
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
    figures.error = error.message;
  }
  return figures;
}

/**
 * Refreshes what Plume knows about one account from its network: limits read at run time
 * (Mastodon's per-server limits, X's subscription), the publishing quota where the network has
 * one, and metrics of its recent posts (one `analytics` snapshot each). An auth failure marks
 * the account `needs_reauth`; other network errors are kept on the account and rethrown when
 * they are transient, so the queue retries.
 */
export async function syncSocialAccount(container: Container, request: SyncRequest): Promise<void> {
  const { db, clock, logger } = container;
  const loaded = await withTenant(db, request.organizationId, (tx) =>
    loadAccountCredentials(tx, container.crypto, request.accountId),
  );
  if (
    !loaded ||
    loaded.account.organizationId !== request.organizationId ||
    loaded.account.status !== 'active'
  ) {
    logger.info('Account sync skipped: account gone, disconnected or waiting for reconnection', {
      ...request,
    });
    return;
  }
  const { account } = loaded;
  const connector = connectorFor(account.platform, connectorContext(container));
  if (!connector) return;
  const since = new Date(clock.now().getTime() - SYNC_METRICS_WINDOW_DAYS * 86_400_000);
  try {
    const credentials = await ensureFreshCredentials(container, account, loaded.credentials);
    const readLimits = connector.readLimits ? await connector.readLimits(credentials) : {};
    const quota = connector.quota ? await connector.quota(credentials) : undefined;
    const targets = await withTenant(db, request.organizationId, (tx) =>
      tx
        .select({
          id: postPlatforms.id,
          postId: postPlatforms.postId,
          platformPostId: postPlatforms.platformPostId,
        })
        .from(postPlatforms)
        .where(
          and(
            eq(postPlatforms.socialAccountId, account.id),
            eq(postPlatforms.status, 'published'),
            isNotNull(postPlatforms.platformPostId),
            gte(postPlatforms.publishedAt, since),
          ),
        )
        .orderBy(desc(postPlatforms.publishedAt))
        .limit(SYNC_METRICS_MAX_POSTS),
    );
    const ids = targets.map((t) => t.platformPostId!);
    const metrics = ids.length > 0 ? await connector.fetchMetrics(credentials, ids) : [];
    const withAudience =
      connector.fetchAudience !== undefined &&
      !(await withTenant(db, request.organizationId, (tx) => audienceReadOn(tx, account.id, clock.now())));
    const figures = await readAccountFigures(connector, credentials, withAudience);
    const now = clock.now();
    const rateLimit = tighterRateLimit(figures.reading?.rateLimit, figures.audience?.rateLimit);
    const rateLimitedUntil = rateLimit?.exhausted
      ? (rateLimit.resetAt ?? new Date(now.getTime() + RATE_LIMIT_DEFAULT_WAIT_MS)).toISOString()
      : undefined;
    const byPostId = new Map(targets.map((t) => [t.platformPostId!, t]));
    await withTenant(db, request.organizationId, async (tx) => {
      const [current] = await tx
        .select()
        .from(socialAccounts)
        .where(eq(socialAccounts.id, account.id))
        .for('update');
      if (!current) return;
      const data: AccountData = {
        ...accountData(current.accountData),
        limits: { ...connector.limits(credentials), ...readLimits },
        quota: quota ? { ...quota, readAt: now.toISOString() } : undefined,
        lastSyncError: undefined,
        rateLimitedUntil,
        accountReadError: figures.error ? { message: figures.error, at: now.toISOString() } : undefined,
      };
      await tx
        .update(socialAccounts)
        .set({
          accountData: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
          lastSync: now,
          updatedAt: now,
        })
        .where(eq(socialAccounts.id, account.id));
      const rows = metrics.flatMap((m) => {
        const target = byPostId.get(m.platformPostId);
        if (!target) return [];
        return [
          {
            organizationId: request.organizationId,
            postId: target.postId,
            postPlatformId: target.id,
            socialAccountId: account.id,
            ...snapshotColumns(account.platform, m),
            recordedAt: m.fetchedAt,
            dateBucket: m.fetchedAt.toISOString().slice(0, 10),
            hourBucket: m.fetchedAt.getUTCHours(),
          },
        ];
      });
      if (rows.length > 0) await tx.insert(analytics).values(rows);
      const base = { organizationId: request.organizationId, accountId: account.id };
      if (figures.reading)
        await storeAccountReading(tx, { ...base, platform: account.platform, reading: figures.reading });
      if (figures.audience)
        await storeAudienceReading(tx, {
          ...base,
          reading: figures.audience,
          followers: figures.reading?.followers ?? null,
        });
    });
    await container.realtime.broadcast(request.organizationId, {
      type: 'social-account.synced',
      data: { id: account.id, lastSync: now.toISOString(), posts: metrics.length },
    });
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const now = clock.now();
    if (error.kind === 'auth') {
      const reason = `${error.message}. Reconnect the account to resume publishing.`;
      const { changed, emails } = await withTenant(db, request.organizationId, async (tx) => ({
        changed: await markNeedsReauth(tx, account.id, reason, now),
        emails: takePendingEmails(tx),
      }));
      // After the commit: mail the people who asked for it. The sweep retries a lost send, so
      // it must not skip the database while these are pending (sweep-marker.ts).
      if (emails.length > 0) await markTargetsInFlight(container.kv, clock, now);
      await enqueueNotificationEmails(container, emails);
      if (changed)
        await announceAccount(container, { ...account, status: 'needs_reauth', statusReason: reason });
      return;
    }
    const wait = error.details.retryAfterSeconds;
    await withTenant(db, request.organizationId, async (tx) => {
      const previous = accountData(account.accountData);
      const data: AccountData = {
        ...previous,
        lastSyncError: {
          message: error.message,
          at: now.toISOString(),
          failures: (previous.lastSyncError?.failures ?? 0) + 1,
          // A rate limit says when it resets: the automatic retry waits for that, not the backoff.
          ...(error.kind === 'rate_limited' && wait !== undefined
            ? { retryAt: new Date(now.getTime() + wait * 1000).toISOString() }
            : {}),
        },
      };
      await tx
        .update(socialAccounts)
        .set({ accountData: JSON.parse(JSON.stringify(data)) as Record<string, unknown>, updatedAt: now })
        .where(eq(socialAccounts.id, account.id));
    });
    // A rate limit with a known reset is not retried by the queue: the schedule waits for the reset.
    if (error.kind === 'transient' || (error.kind === 'rate_limited' && wait === undefined)) throw error;
    logger.warn('Account sync failed', { accountId: account.id, kind: error.kind, reason: error.message });
  }
}
