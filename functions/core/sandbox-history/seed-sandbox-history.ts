import { eq, inArray, sql } from 'drizzle-orm';
import { saveConnection } from '../social-accounts/save-connection';
import type { Crypto, Ids, Logger, MediaStore } from '../ports';
import type { Database } from '../../db/client';
import {
  accountMetrics,
  analytics,
  audienceInsights,
  competitors as competitorsTable,
  media as mediaTable,
  mentions as mentionsTable,
  organizations,
  postPlatforms,
  posts as postsTable,
  sandboxAccounts,
  sandboxPosts,
  socialAccounts,
} from '../../db/schema';
import { withSystem, withTenant } from '../../db/tenant';
import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountProfile, ConnectorContext, TokenSet } from '../../platforms/connector';
import { engagementProfile } from '../../platforms/sandbox/engagement-model';
import { createSandboxConnector } from '../../platforms/sandbox';
import { sandboxPostUrl, sandboxProfileUrl } from '../../platforms/sandbox/runtime';
import {
  brandWord,
  followersOf,
  handleTag,
  planAccounts,
  type PlannedAccount,
} from '../../platforms/sandbox/history/accounts';
import { DAY_MS, seasonsBetween } from '../../platforms/sandbox/history/calendar';
import { planCompetitors } from '../../platforms/sandbox/history/competitors';
import { audienceMakeUp } from '../../platforms/sandbox/history/demographics';
import { dailyReadings } from '../../platforms/sandbox/history/followers';
import type { HistoryCounts, HistoryGroundTruth } from '../../platforms/sandbox/history/ground-truth';
import type { Topic } from '../../platforms/sandbox/history/corpus';
import { CRISIS_TOPIC, planMentions } from '../../platforms/sandbox/history/mentions';
import {
  checkHistoryOptions,
  HistoryOptionsError,
  type HistoryOptions,
} from '../../platforms/sandbox/history/options';
import { ORDINARY_VIRALITY_MAX, viralityOf } from '../../platforms/sandbox/history/post-ids';
import { planPosts, plantViralPost, type PlannedPost } from '../../platforms/sandbox/history/posts';
import { BulkWriter } from './bulk-insert';
import { uploadHistoryImages, type HistoryImage } from './history-images';
import { dailyImpressions, snapshotInstants, snapshotRows, type SnapshotRow } from './snapshots';

export interface HistoryPorts {
  db: Database;
  crypto: Crypto;
  ids: Ids;
  /** Where the posts' pictures are uploaded (the media library's store). */
  media: MediaStore;
}

export interface SeededHistory {
  groundTruth: HistoryGroundTruth;
  seconds: number;
}

/** The planted drop: followers (so reach and engagement) fall to this share from its date. */
export const DROP_FACTOR = 0.45;
const DROP_CAUSE =
  'The network removed inactive followers (a purge): the audience, and with it reach, fell at once.';
/** Flush snapshot rows to the database every so many, so memory stays flat at any size. */
const SNAPSHOT_BATCH = 20_000;

/** `months` calendar months before `now`. */
function monthsBefore(now: Date, months: number): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

const fixedClock = (at: Date) => ({ now: () => new Date(at) });
const quiet = () => undefined;
const SILENT: Logger = { debug: quiet, info: quiet, warn: quiet, error: quiet };

/**
 * Writes a past for one organization (README.md): connected sandbox accounts, their published
 * posts with the snapshots the sync would have kept, daily account readings, audience make-up,
 * tracked competitors with their posts, and mentions with a crisis, with planted patterns
 * returned as `groundTruth`. Deterministic from the seed (and the organization's slug, which
 * names the handles). Accounts are connected through the Sandbox connector's connect flow and
 * saved by saveConnection (tokens envelope-encrypted, plan limit checked); everything else is
 * written in one transaction of multi-row inserts.
 */
export async function seedSandboxHistory(
  ports: HistoryPorts,
  options: HistoryOptions,
): Promise<SeededHistory> {
  checkHistoryOptions(options);
  const started = performance.now();
  const say = options.onProgress ?? (() => undefined);
  const now = options.now;
  const start = monthsBefore(now, options.months);
  const span = now.getTime() - start.getTime();
  const weeks = span / (7 * DAY_MS);
  const tag = handleTag(options.slug);
  const brandTag = `#${brandWord(options.slug)}`;

  // --- Plan (pure) -------------------------------------------------------------------------
  const accounts = planAccounts({ ...options, start });
  const dropped = accounts[accounts.length > 1 ? 1 : 0]!;
  const dropAt = new Date(Math.floor((start.getTime() + 0.65 * span) / DAY_MS) * DAY_MS);
  dropped.drop = { at: dropAt, factor: DROP_FACTOR };
  dropped.followers = Math.max(1, Math.round(dropped.followers * DROP_FACTOR));

  const counts = postCounts(options, accounts.length, weeks);
  const window = { start, end: now };
  const plan = {
    organizationId: options.organizationId,
    seed: options.seed,
    brand: options.brand,
    brandTag,
    ...window,
  };
  const postsByAccount = accounts.map((account) => planPosts(account, counts[account.index]!, plan));
  const viral = plantViralPost(postsByAccount[0]!, new Date(start.getTime() + 0.55 * span), options.seed);
  const rivals = planCompetitors({ seed: options.seed, tag, count: options.competitors, ...window });
  const chatter = planMentions({
    seed: options.seed,
    tag,
    brand: options.brand,
    mainHandle: accounts[0]!.handle,
    perDay: options.mentionsPerDay,
    ...window,
  });
  say(
    `Planned ${accounts.length} accounts, ${postsByAccount.flat().length.toLocaleString('en')} posts, ${rivals.length} competitors, ${chatter.mentions.length} mentions (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  // --- The network's side: accounts, then connections through the connector ---------------
  const handles = accounts.map((a) => a.handle);
  const taken = await withSystem(ports.db, (tx) =>
    tx
      .select({ handle: sandboxAccounts.handle })
      .from(sandboxAccounts)
      .where(inArray(sandboxAccounts.handle, handles)),
  );
  if (taken.length > 0)
    throw new HistoryOptionsError(
      `Sandbox account @${taken[0]!.handle} already exists: this organization was seeded before. Seed a new organization (or delete its sandbox accounts).`,
    );
  const networkAccounts = [
    ...accounts.map((a) => ({ ...a, followers: a.followers })),
    ...rivals.map((r) => r.account),
    ...chatter.authors,
  ];
  await withSystem(ports.db, (tx) =>
    new BulkWriter(tx, say).insert(
      sandboxAccounts,
      networkAccounts.map((a) => ({
        handle: a.handle,
        displayName: a.displayName,
        timeZone: a.timeZone,
        followers: a.followers,
        createdAt: a.createdAt,
        updatedAt: a.createdAt,
      })),
      'sandbox_accounts',
    ),
  );
  const socialAccountIds = await connectAccounts(ports, options, accounts, start);
  const pictured = [...new Set(postsByAccount.flat().flatMap((p) => (p.image ? [p.image] : [])))].sort();
  const images = await uploadHistoryImages(
    ports.media,
    { organizationId: options.organizationId, userId: options.userId, seed: options.seed, uploadedAt: start },
    pictured,
  );

  // --- Everything else in one transaction -----------------------------------------------
  const truth = await withSystem(ports.db, async (tx) => {
    const writer = new BulkWriter(tx, say);
    const ownPosts = postsByAccount.flat();
    const mentionPosts = chatter.mentions.map((m) => ({
      id: m.sandboxId,
      handle: m.authorHandle,
      kind: 'post' as const,
      text: m.text,
      media: [],
      publishedAt: m.at,
      followersAtPublish: chatter.authors.find((a) => a.handle === m.authorHandle)!.followers,
      timeZone: 'UTC',
      createdAt: m.at,
    }));
    await writer.insert(
      sandboxPosts,
      [
        ...ownPosts.map((p) => ({ ...p.sandbox, media: p.image ? [images.get(p.image)!.handedOver] : [] })),
        ...rivals.flatMap((r) => r.posts).map((p) => ({ ...p, media: [] })),
      ]
        .map((p) => ({
          id: p.id,
          handle: p.handle,
          kind: 'post' as const,
          text: p.text,
          media: p.media,
          publishedAt: p.publishedAt,
          followersAtPublish: p.followers,
          timeZone: p.timeZone,
          createdAt: p.publishedAt,
        }))
        .concat(mentionPosts),
      'sandbox_posts',
    );
    await writer.insert(
      mediaTable,
      [...images.values()].map((image) => image.row),
      'media',
    );
    await writer.insert(
      postsTable,
      ownPosts.map((p) => postRow(p, options, images)),
      'posts',
    );
    await writer.insert(
      postPlatforms,
      ownPosts.map((p) => targetRow(p, options, socialAccountIds.get(p.account.handle)!)),
      'post_platforms',
    );

    let snapshots = 0;
    let batch: SnapshotRow[] = [];
    const lastSync = new Map<string, Date>();
    const readings: (typeof accountMetrics.$inferInsert)[] = [];
    for (const [index, account] of accounts.entries()) {
      const socialAccountId = socialAccountIds.get(account.handle)!;
      const impressionsByDay = new Map<number, number>();
      for (const post of postsByAccount[index]!) {
        const profile = engagementProfile(post.sandbox);
        const instants = snapshotInstants(post.sandbox.publishedAt, now, options.hourlyRetentionDays);
        // Newest first: the analytics_mark_latest trigger (migration 0007) then marks the first
        // row of each post latest and finds the newer one for every older row, instead of
        // un-marking the previous latest on every insert (one UPDATE per snapshot).
        const rows = snapshotRows(
          post,
          { organizationId: options.organizationId, socialAccountId },
          instants,
          profile,
        );
        for (let i = rows.length - 1; i >= 0; i -= 1) batch.push(rows[i]!);
        const last = instants.at(-1);
        if (last && !(lastSync.get(socialAccountId)! >= last)) lastSync.set(socialAccountId, last);
        dailyImpressions(post, now, profile, impressionsByDay);
        if (batch.length >= SNAPSHOT_BATCH) {
          snapshots += batch.length;
          await writer.insert(analytics, batch, 'analytics');
          batch = [];
        }
      }
      const times = postsByAccount[index]!.map((p) => p.sandbox.publishedAt);
      for (const reading of dailyReadings(account, options.seed, window, times, impressionsByDay)) {
        readings.push({
          organizationId: options.organizationId,
          socialAccountId,
          dateBucket: new Date(reading.day * DAY_MS).toISOString().slice(0, 10),
          followersCount: reading.followers,
          followingCount: reading.following,
          postsCount: reading.posts,
          impressionsCount: reading.impressions,
          profileViewsCount: reading.profileViews,
          unavailable: {},
          source: platformProfile('sandbox').accountMetrics.source,
          recordedAt: reading.recordedAt,
        });
      }
    }
    snapshots += batch.length;
    await writer.insert(analytics, batch, 'analytics');
    await writer.insert(accountMetrics, readings, 'account_metrics');

    const insights = audienceRows(accounts, socialAccountIds, options, start);
    await writer.insert(audienceInsights, insights, 'audience_insights');

    const publicUrl = options.publicUrl.replace(/\/+$/, '');
    await writer.insert(
      competitorsTable,
      rivals.map((r) => ({
        organizationId: options.organizationId,
        platform: 'sandbox' as const,
        handle: r.account.handle,
        name: r.name,
        platformAccountId: r.account.handle,
        profileUrl: sandboxProfileUrl(publicUrl, r.account.handle),
        createdAt: start,
        updatedAt: start,
      })),
      'competitors',
    );
    const mainAccountId = socialAccountIds.get(accounts[0]!.handle)!;
    await writer.insert(
      mentionsTable,
      chatter.mentions.map((m) => ({
        organizationId: options.organizationId,
        socialAccountId: mainAccountId,
        platform: 'sandbox' as const,
        externalId: m.sandboxId,
        authorHandle: m.authorHandle,
        authorName: m.authorName,
        content: m.text,
        url: sandboxPostUrl(publicUrl, m.sandboxId),
        sentimentScore: m.score,
        sentimentLabel: m.label,
        mentionedAt: m.at,
        createdAt: m.at,
      })),
      'mentions',
    );
    for (const [id, at] of lastSync) {
      await tx.update(socialAccounts).set({ lastSync: at, updatedAt: at }).where(eq(socialAccounts.id, id));
    }

    const crisisMentions = chatter.mentions.filter((m) => m.inCrisis);
    const crisisHours = chatter.crisis ? 36 : 0;
    const tally: HistoryCounts = {
      sandboxAccounts: networkAccounts.length,
      socialAccounts: accounts.length,
      posts: ownPosts.length,
      snapshots,
      accountMetrics: readings.length,
      audienceInsights: insights.length,
      competitors: rivals.length,
      competitorPosts: rivals.reduce((n, r) => n + r.posts.length, 0),
      mentions: chatter.mentions.length,
      media: images.size,
      postsWithMedia: ownPosts.filter((p) => p.image).length,
    };
    const groundTruth: HistoryGroundTruth = {
      seed: options.seed,
      organizationId: options.organizationId,
      from: start.toISOString(),
      to: now.toISOString(),
      accounts: accounts.map((account, index) => ({
        handle: account.handle,
        socialAccountId: socialAccountIds.get(account.handle)!,
        timeZone: account.timeZone,
        peak: { weekday: account.rhythm.peakWeekday, hour: account.rhythm.peakHour },
        slots: account.slots,
        followers: {
          atStart:
            readings.find((r) => r.socialAccountId === socialAccountIds.get(account.handle))
              ?.followersCount ?? 0,
          atEnd:
            readings.findLast((r) => r.socialAccountId === socialAccountIds.get(account.handle))
              ?.followersCount ?? 0,
        },
        postsPerWeek: Math.round((postsByAccount[index]!.length / weeks) * 100) / 100,
      })),
      viralPost: viral
        ? {
            handle: viral.account.handle,
            socialAccountId: socialAccountIds.get(viral.account.handle)!,
            postId: viral.postId,
            platformPostId: viral.sandbox.id,
            publishedAt: viral.sandbox.publishedAt.toISOString(),
            virality: Math.round(viralityOf(viral.sandbox.id) * 10) / 10,
            ordinaryViralityMax: Math.round(ORDINARY_VIRALITY_MAX * 10) / 10,
          }
        : null,
      drop: {
        handle: dropped.handle,
        socialAccountId: socialAccountIds.get(dropped.handle)!,
        at: dropAt.toISOString(),
        factor: DROP_FACTOR,
        cause: DROP_CAUSE,
      },
      seasons: seasonsBetween(start, now),
      crisis: chatter.crisis
        ? {
            from: chatter.crisis.from.toISOString(),
            to: chatter.crisis.to.toISOString(),
            topic: CRISIS_TOPIC,
            mentions: crisisMentions.length,
            negative: crisisMentions.filter((m) => m.label === 'negative').length,
            baselinePerHour:
              Math.round(
                ((chatter.mentions.length - crisisMentions.length) /
                  Math.max(1, span / 3_600_000 - crisisHours)) *
                  100,
              ) / 100,
            crisisPerHour: Math.round((crisisMentions.length / Math.max(1, crisisHours)) * 100) / 100,
          }
        : null,
      competitors: rivals.map((r) => ({
        handle: r.account.handle,
        name: r.name,
        postsPerWeek: r.account.postsPerWeek,
      })),
      counts: tally,
    };
    return groundTruth;
  });
  const seconds = (performance.now() - started) / 1000;
  say(`Seeded in ${seconds.toFixed(1)} s`);
  return { groundTruth: truth, seconds };
}

/** Posts per account: `totalPosts` spread evenly (the first accounts take the remainder), else the weekly rate. */
function postCounts(options: HistoryOptions, accounts: number, weeks: number): number[] {
  if (options.totalPosts !== undefined) {
    const each = Math.floor(options.totalPosts / accounts);
    const extra = options.totalPosts - each * accounts;
    return Array.from({ length: accounts }, (_, i) => each + (i < extra ? 1 : 0));
  }
  return Array.from({ length: accounts }, () => Math.round(options.postsPerWeek * weeks));
}

/**
 * Connects each account as a person would: the Sandbox connector's connect flow (at the start
 * of the history) hands back its tokens and profile, and saveConnection stores them
 * (envelope-encrypted, bound to the row) in the organization's transaction. The plan's account
 * limit is raised first when asked (demo organizations, the bench), else enforced.
 */
async function connectAccounts(
  ports: HistoryPorts,
  options: HistoryOptions,
  accounts: PlannedAccount[],
  connectedAt: Date,
): Promise<Map<string, string>> {
  const context: ConnectorContext = {
    fetch: globalThis.fetch,
    clock: fixedClock(connectedAt),
    logger: SILENT,
    database: ports.db,
    publicUrl: options.publicUrl,
  };
  const connector = createSandboxConnector(context);
  const grants: { tokens: TokenSet; profile: AccountProfile }[] = [];
  for (const account of accounts)
    grants.push(await connector.connect.connectAccount({ handle: account.handle }));
  if (options.raisePlanLimit) {
    await withSystem(ports.db, (tx) =>
      tx
        .update(organizations)
        .set({
          maxSocialAccounts: sql`greatest(${organizations.maxSocialAccounts}, ${accounts.length + 10})`,
        })
        .where(eq(organizations.id, options.organizationId)),
    );
  }
  return withTenant(ports.db, options.organizationId, async (tx) => {
    const ids = new Map<string, string>();
    for (const grant of grants) {
      const { account } = await saveConnection(
        tx,
        ports,
        { organizationId: options.organizationId, userId: options.userId, platform: 'sandbox', ...grant },
        connectedAt,
      );
      ids.set(grant.profile.accountId, account.id);
    }
    return ids;
  });
}

/** The Plume post; a pictured one lists its card's media row first, as the composer saves an attachment. */
function postRow(
  post: PlannedPost,
  options: HistoryOptions,
  images: Map<Topic, HistoryImage>,
): typeof postsTable.$inferInsert {
  const at = post.sandbox.publishedAt;
  return {
    id: post.postId,
    organizationId: options.organizationId,
    userId: options.userId,
    content: post.sandbox.text,
    hashtags: post.hashtags,
    mediaIds: post.image ? [images.get(post.image)!.row.id] : [],
    // What insert-post.ts (the composer's save) derives from the attachments.
    contentType: post.image ? 'image' : 'text',
    status: 'published',
    scheduledAt: at,
    timezone: post.account.timeZone,
    publishedAt: at,
    createdAt: new Date(at.getTime() - 2 * DAY_MS),
    updatedAt: at,
  };
}

function targetRow(
  post: PlannedPost,
  options: HistoryOptions,
  socialAccountId: string,
): typeof postPlatforms.$inferInsert {
  const at = post.sandbox.publishedAt;
  return {
    id: post.targetId,
    postId: post.postId,
    organizationId: options.organizationId,
    socialAccountId,
    status: 'published',
    version: 1,
    scheduledAt: at,
    timezone: post.account.timeZone,
    attempts: 1,
    platformPostId: post.sandbox.id,
    platformPostUrl: sandboxPostUrl(options.publicUrl.replace(/\/+$/, ''), post.sandbox.id),
    publishedAt: at,
    createdAt: new Date(at.getTime() - 2 * DAY_MS),
    updatedAt: at,
  };
}

/** One audience reading per account per week (Mondays, UTC), from the day it was connected. */
function audienceRows(
  accounts: PlannedAccount[],
  ids: Map<string, string>,
  options: HistoryOptions,
  start: Date,
): (typeof audienceInsights.$inferInsert)[] {
  const profile = platformProfile('sandbox').accountMetrics.audience;
  const rows: (typeof audienceInsights.$inferInsert)[] = [];
  const firstDay = Math.ceil(start.getTime() / DAY_MS);
  // 1970-01-05 was a Monday (day 4).
  const firstMonday = firstDay + ((((4 - firstDay) % 7) + 7) % 7);
  for (const account of accounts) {
    for (
      let day = firstMonday, week = 0;
      day * DAY_MS + 6 * 3_600_000 <= options.now.getTime();
      day += 7, week += 1
    ) {
      const at = new Date(day * DAY_MS + 6 * 3_600_000);
      rows.push({
        organizationId: options.organizationId,
        socialAccountId: ids.get(account.handle)!,
        followersCount: followersOf(account, at),
        analysisDate: new Date(day * DAY_MS).toISOString().slice(0, 10),
        dataSource: 'platform_api',
        demographics: audienceMakeUp(account, options.seed, week),
        unavailable: profile.unavailable,
        source: profile.source,
        createdAt: at,
      });
    }
  }
  return rows;
}
