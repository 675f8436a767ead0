import { and, desc, eq, gte, isNotNull } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { mentions, postPlatforms, socialAccounts } from '../../db/schema';
import { withTenant, type Transaction } from '../../db/tenant';
import { PlatformError } from '../../platforms/connector';
import type { MentionReading, MentionsReading } from '../../platforms/mentions-reader';
import { mentionsReaderFor } from '../../platforms/mentions-readers';
import { connectorContext } from '../../platforms/registry';
import { scoreSentiment } from '../agents/sentiment/score-sentiment';
import { enqueueNotificationEmails, takePendingEmails } from '../notifications/email-outbox';
import { markTargetsInFlight } from '../publishing/sweep-marker';
import {
  announceAccount,
  ensureFreshCredentials,
  loadAccountCredentials,
  markNeedsReauth,
} from '../social-accounts/credentials';

/**
 * What one read covers: on the first read the last 60 days (the crisis manager's 8-week
 * baseline, where the network keeps that much); at most 500 mentions a run, the rest in the
 * runs that follow at once (functions/jobs/read-mentions.ts).
 */
export const MENTIONS_READ = {
  firstReadDays: 60,
  maxPerRun: 500,
  ownPostsDays: 14,
  ownPostsMax: 50,
} as const;

export interface MentionsReadRequest {
  organizationId: string;
  accountId: string;
}

export type MentionsReadOutcome =
  | { status: 'read'; inserted: number; read: number; more: boolean; gap: boolean }
  | { status: 'failed'; reason: string }
  | { status: 'skipped' };

/** A reading's mentions as `mentions` rows, scored by the sentiment core (stored as -1..1, two decimals). */
function rowsOf(request: MentionsReadRequest, platform: string, read: MentionReading[]) {
  return read.map((mention) => {
    const sentiment = scoreSentiment(mention.text);
    return {
      organizationId: request.organizationId,
      socialAccountId: request.accountId,
      platform: platform as typeof mentions.$inferInsert.platform,
      externalId: mention.externalId.slice(0, 255),
      authorHandle: mention.authorHandle?.slice(0, 255) ?? null,
      authorName: mention.authorName?.slice(0, 255) ?? null,
      content: mention.text,
      url: mention.url,
      kind: mention.kind,
      parentExternalId: mention.parentExternalId?.slice(0, 255) ?? null,
      replyRef: mention.replyRef,
      // A language the lexicon cannot read stays unscored rather than called neutral.
      sentimentScore: sentiment.supported ? sentiment.score : null,
      sentimentLabel: sentiment.supported ? sentiment.label : null,
      mentionedAt: mention.mentionedAt,
    };
  });
}

/**
 * Stores a reading in one transaction: each mention once (the organization, network and id are
 * unique, so a rerun or a concurrent read inserts nothing twice) and the cursor with it. The
 * cursor moves only from the one the read started at: when a concurrent read already moved it,
 * its rows are the same ones and its cursor stands.
 */
export async function storeMentions(
  tx: Transaction,
  request: MentionsReadRequest,
  platform: string,
  startedFrom: string | null,
  reading: MentionsReading,
  now: Date,
): Promise<number> {
  const [current] = await tx
    .select({ cursor: socialAccounts.mentionsCursor })
    .from(socialAccounts)
    .where(eq(socialAccounts.id, request.accountId))
    .for('update');
  if (!current) return 0;
  const rows = rowsOf(request, platform, reading.mentions);
  const inserted =
    rows.length === 0
      ? []
      : await tx
          .insert(mentions)
          .values(rows)
          .onConflictDoNothing({
            target: [mentions.organizationId, mentions.platform, mentions.externalId],
          })
          .returning({ id: mentions.id });
  const note = reading.gap
    ? 'More mentions arrived since the last read than the network lets Plume page back through; the oldest of them were not read.'
    : null;
  await tx
    .update(socialAccounts)
    .set({
      ...(current.cursor === startedFrom ? { mentionsCursor: reading.cursor } : {}),
      mentionsSyncedAt: now,
      mentionsSyncError: note,
      updatedAt: now,
    })
    .where(eq(socialAccounts.id, request.accountId));
  return inserted.length;
}

/**
 * One account's mentions read (the job queued by the mentions tick): read since the stored
 * cursor through the network's MentionsReader, score, store once, advance the cursor. A
 * missing permission or another refusal is kept on the account (`mentions_sync_error`) and
 * publishing is untouched; an expired grant marks the account for reconnection as a metrics
 * sync does; a transient failure is rethrown so the queue retries.
 */
export async function readAccountMentions(
  container: Container,
  request: MentionsReadRequest,
): Promise<MentionsReadOutcome> {
  const { db, clock, logger } = container;
  const loaded = await withTenant(db, request.organizationId, (tx) =>
    loadAccountCredentials(tx, container.crypto, request.accountId),
  );
  if (
    !loaded ||
    loaded.account.organizationId !== request.organizationId ||
    loaded.account.status !== 'active' ||
    !loaded.account.isActive
  )
    return { status: 'skipped' };
  const { account } = loaded;
  const reader = mentionsReaderFor(account.platform, connectorContext(container));
  if (!reader) return { status: 'skipped' };
  const now = clock.now();
  try {
    const credentials = await ensureFreshCredentials(container, account, loaded.credentials);
    const ownPostIds = await withTenant(db, request.organizationId, (tx) =>
      tx
        .select({ id: postPlatforms.platformPostId })
        .from(postPlatforms)
        .where(
          and(
            eq(postPlatforms.socialAccountId, account.id),
            eq(postPlatforms.status, 'published'),
            isNotNull(postPlatforms.platformPostId),
            gte(postPlatforms.publishedAt, new Date(now.getTime() - MENTIONS_READ.ownPostsDays * 86_400_000)),
          ),
        )
        .orderBy(desc(postPlatforms.publishedAt))
        .limit(MENTIONS_READ.ownPostsMax),
    );
    const reading = await reader.read(credentials, {
      cursor: account.mentionsCursor,
      since: new Date(now.getTime() - MENTIONS_READ.firstReadDays * 86_400_000),
      max: MENTIONS_READ.maxPerRun,
      ownPostIds: ownPostIds.map((row) => row.id!),
    });
    const inserted = await withTenant(db, request.organizationId, (tx) =>
      storeMentions(tx, request, account.platform, account.mentionsCursor, reading, clock.now()),
    );
    if (inserted > 0)
      await container.realtime.broadcast(request.organizationId, {
        type: 'mentions.ingested',
        data: { socialAccountId: account.id, inserted },
      });
    return { status: 'read', inserted, read: reading.mentions.length, more: reading.more, gap: reading.gap };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const failedAt = clock.now();
    if (error.kind === 'auth') {
      const reason = `${error.message}. Reconnect the account to resume publishing.`;
      const { changed, emails } = await withTenant(db, request.organizationId, async (tx) => {
        await recordFailure(tx, account.id, error.message, failedAt);
        return {
          changed: await markNeedsReauth(tx, account.id, reason, failedAt),
          emails: takePendingEmails(tx),
        };
      });
      if (emails.length > 0) await markTargetsInFlight(container.kv, clock, failedAt);
      await enqueueNotificationEmails(container, emails);
      if (changed)
        await announceAccount(container, { ...account, status: 'needs_reauth', statusReason: reason });
      return { status: 'failed', reason: error.message };
    }
    await withTenant(db, request.organizationId, (tx) =>
      recordFailure(tx, account.id, error.message, failedAt),
    );
    logger.warn('Mentions read failed', { accountId: account.id, kind: error.kind, reason: error.message });
    if (error.kind === 'transient') throw error;
    return { status: 'failed', reason: error.message };
  }
}

/** Why the read failed, on the account; the cursor stays where it was, so nothing is skipped. */
async function recordFailure(tx: Transaction, accountId: string, message: string, now: Date): Promise<void> {
  await tx
    .update(socialAccounts)
    .set({ mentionsSyncedAt: now, mentionsSyncError: message.slice(0, 1000), updatedAt: now })
    .where(eq(socialAccounts.id, accountId));
}
