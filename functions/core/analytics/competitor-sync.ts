import { and, asc, eq, sql } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { competitorPosts, competitors, competitorSnapshots, socialAccounts } from '../../db/schema';
import { withTenant, type Transaction } from '../../db/tenant';
import { competitorReaderFor } from '../../platforms/competitor-readers';
import type { CompetitorReading, CompetitorTarget } from '../../platforms/competitor-reader';
import { PlatformError, type AccountCredentials, type Platform } from '../../platforms/connector';
import { connectorContext } from '../../platforms/registry';
import {
  engagementRateByFollowersOf,
  postsPerWeekOf,
  publicEngagementOf,
} from '../../shared/analytics/definitions';
import { ensureFreshCredentials, loadAccountCredentials } from '../social-accounts/credentials';

/** What one read covers: the posts of the last 30 days, at most 200 of them. */
export const COMPETITOR_READ = { windowDays: 30, maxPosts: 200 } as const;

/** numeric(7,2) columns hold at most this; a real cadence or rate never comes near. */
const MAX_STORED = 99_999;

/**
 * One of the organization's own active accounts on the network, for readers that ask as a
 * signed-in professional account (Instagram Business Discovery); the oldest connection first,
 * so the same account is used each day.
 */
async function connectedAccountOf(
  container: Container,
  organizationId: string,
  platform: Platform,
): Promise<AccountCredentials> {
  const loaded = await withTenant(container.db, organizationId, async (tx) => {
    const [account] = await tx
      .select({ id: socialAccounts.id })
      .from(socialAccounts)
      .where(
        and(
          eq(socialAccounts.organizationId, organizationId),
          eq(socialAccounts.platform, platform),
          eq(socialAccounts.status, 'active'),
        ),
      )
      .orderBy(asc(socialAccounts.createdAt))
      .limit(1);
    return account ? loadAccountCredentials(tx, container.crypto, account.id) : undefined;
  });
  if (!loaded) {
    throw new PlatformError(
      'permanent',
      'Instagram competitors are read through one of your own Instagram professional accounts (Business Discovery): connect one first',
    );
  }
  return ensureFreshCredentials(container, loaded.account, loaded.credentials);
}

/**
 * Reads a competitor's profile and recent posts from its network, now. Network failures are
 * PlatformErrors (`permanent`: the account cannot be read; otherwise try again later).
 */
export async function readCompetitor(
  container: Container,
  organizationId: string,
  platform: Platform,
  target: CompetitorTarget,
): Promise<CompetitorReading> {
  const reader = competitorReaderFor(platform, connectorContext(container));
  if (!reader) throw new PlatformError('permanent', `${platform} competitors cannot be read`);
  const via = reader.needsConnectedAccount
    ? await connectedAccountOf(container, organizationId, platform)
    : undefined;
  const since = new Date(container.clock.now().getTime() - COMPETITOR_READ.windowDays * 86_400_000);
  return reader.read(target, { since, maxPosts: COMPETITOR_READ.maxPosts, via });
}

/** The snapshot figures of one reading (shared/analytics/definitions.ts). */
export function snapshotFigures(reading: CompetitorReading) {
  const followers = reading.profile.followers;
  const rate = engagementRateByFollowersOf(
    reading.posts.map((post) => ({ engagement: publicEngagementOf(post), followers })),
  );
  return {
    followersCount: followers,
    postsCount: reading.profile.postsCount,
    postingCadence: Math.min(MAX_STORED, postsPerWeekOf(reading.posts.length, COMPETITOR_READ.windowDays)),
    avgEngagementRate: rate === null ? null : Math.min(MAX_STORED, rate),
  };
}

/**
 * Stores a good reading in the caller's transaction: the profile on the competitor (and
 * `lastCheckedAt`, clearing `lastCheckError`), each post once per competitor (a post read again
 * gets its newer counts), and one snapshot. Impressions are null with the reason, never 0.
 */
export async function storeReading(
  tx: Transaction,
  competitor: { id: string; organizationId: string },
  reading: CompetitorReading,
  now: Date,
): Promise<void> {
  const { profile } = reading;
  await tx
    .update(competitors)
    .set({
      name: profile.name,
      avatarUrl: profile.avatarUrl,
      profileUrl: profile.profileUrl,
      platformAccountId: profile.platformAccountId,
      serviceUrl: profile.serviceUrl,
      lastCheckedAt: now,
      lastCheckError: null,
      updatedAt: now,
    })
    .where(eq(competitors.id, competitor.id));
  const postUnavailable = Object.fromEntries(
    Object.entries(reading.unavailable).filter(([name]) =>
      ['likes', 'comments', 'shares', 'impressions'].includes(name),
    ),
  );
  if (reading.posts.length > 0) {
    await tx
      .insert(competitorPosts)
      .values(
        reading.posts.map((post) => ({
          organizationId: competitor.organizationId,
          competitorId: competitor.id,
          externalId: post.externalId,
          text: post.text,
          url: post.url,
          publishedAt: post.publishedAt,
          likesCount: post.likes,
          commentsCount: post.comments,
          sharesCount: post.shares,
          impressionsCount: null,
          unavailable: postUnavailable,
          capturedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [competitorPosts.competitorId, competitorPosts.externalId],
        set: {
          text: sql`excluded.text`,
          url: sql`excluded.url`,
          likesCount: sql`excluded.likes_count`,
          commentsCount: sql`excluded.comments_count`,
          sharesCount: sql`excluded.shares_count`,
          unavailable: sql`excluded.unavailable`,
          capturedAt: sql`excluded.captured_at`,
        },
      });
  }
  await tx.insert(competitorSnapshots).values({
    organizationId: competitor.organizationId,
    competitorId: competitor.id,
    ...snapshotFigures(reading),
    data: {
      source: reading.source,
      unavailable: reading.unavailable,
      windowDays: COMPETITOR_READ.windowDays,
      postsRead: reading.posts.length,
    },
    capturedAt: now,
  });
}

export interface CompetitorSyncRequest {
  organizationId: string;
  competitorId: string;
}

export type CompetitorSyncOutcome = 'synced' | 'failed' | 'skipped';

/**
 * The daily read of one tracked competitor (and the job queued for it). A failure keeps what
 * was read before and records why on the competitor (`lastCheckError`, shown in the list);
 * the next daily run tries again.
 */
export async function syncCompetitor(
  container: Container,
  request: CompetitorSyncRequest,
): Promise<CompetitorSyncOutcome> {
  const { db, clock, logger } = container;
  const [competitor] = await withTenant(db, request.organizationId, (tx) =>
    tx
      .select()
      .from(competitors)
      .where(
        and(eq(competitors.id, request.competitorId), eq(competitors.organizationId, request.organizationId)),
      ),
  );
  if (!competitor || !competitor.isActive) return 'skipped';
  try {
    const reading = await readCompetitor(container, competitor.organizationId, competitor.platform, {
      handle: competitor.handle,
      serviceUrl: competitor.serviceUrl,
    });
    await withTenant(db, competitor.organizationId, (tx) =>
      storeReading(tx, competitor, reading, clock.now()),
    );
    return 'synced';
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const now = clock.now();
    await withTenant(db, competitor.organizationId, (tx) =>
      tx
        .update(competitors)
        .set({ lastCheckedAt: now, lastCheckError: error.message, updatedAt: now })
        .where(eq(competitors.id, competitor.id)),
    );
    logger.warn('Competitor read failed', {
      competitorId: competitor.id,
      kind: error.kind,
      error: error.message,
    });
    return 'failed';
  }
}
