import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { competitors, competitorSnapshots } from '../../db/schema';
import { withTenant, type Transaction } from '../../db/tenant';
import { UNREADABLE_COMPETITOR_NETWORKS } from '../../platforms/competitor-reader';
import { competitorReaderFor } from '../../platforms/competitor-readers';
import type { Platform } from '../../platforms/connector';
import { connectorContext } from '../../platforms/registry';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { ConflictError, NotFoundError, RuleViolation } from '../errors';
import { readCompetitor, storeReading } from './competitor-sync';

export interface CompetitorAccount {
  id: string;
  platform: Platform;
  handle: string;
  name: string | null;
  avatarUrl: string | null;
  profileUrl: string | null;
  platformAccountId: string | null;
  serviceUrl: string | null;
  notes: string | null;
  isActive: boolean;
  createdAt: Date;
  lastCheckedAt: Date | null;
  lastCheckError: string | null;
  /** The newest snapshot's figures; null before the first good read. */
  latest: {
    followers: number | null;
    postsCount: number | null;
    postsPerWeek: number | null;
    engagementRateByFollowers: number | null;
    capturedAt: Date;
  } | null;
}

export interface NewCompetitor {
  platform: Platform;
  handle: string;
  /** Mastodon: the server, when the handle does not name it. */
  instance?: string;
  notes?: string;
}

/** Each competitor with its newest snapshot (one index probe per competitor). */
async function selectCompetitors(tx: Transaction, organizationId: string, id?: string) {
  const latest = sql`lateral (
    select ${competitorSnapshots.followersCount} as followers, ${competitorSnapshots.postsCount} as posts_count,
      ${competitorSnapshots.postingCadence} as cadence, ${competitorSnapshots.avgEngagementRate} as rate,
      ${competitorSnapshots.capturedAt} as captured_at
    from ${competitorSnapshots}
    where ${competitorSnapshots.competitorId} = ${competitors.id}
    order by ${competitorSnapshots.capturedAt} desc
    limit 1
  ) as latest`;
  const rows = await tx
    .select({
      competitor: competitors,
      followers: sql<string | number | null>`latest.followers`,
      postsCount: sql<string | number | null>`latest.posts_count`,
      cadence: sql<string | null>`latest.cadence`,
      rate: sql<string | null>`latest.rate`,
      capturedAt: sql<string | null>`latest.captured_at`,
    })
    .from(competitors)
    .leftJoin(latest, sql`true`)
    .where(and(eq(competitors.organizationId, organizationId), id ? eq(competitors.id, id) : undefined))
    .orderBy(asc(competitors.platform), asc(competitors.handle));
  const number = (value: string | number | null) => (value === null ? null : Number(value));
  return rows.map(({ competitor: c, ...s }): CompetitorAccount => ({
    id: c.id,
    platform: c.platform,
    handle: c.handle,
    name: c.name,
    avatarUrl: c.avatarUrl,
    profileUrl: c.profileUrl,
    platformAccountId: c.platformAccountId,
    serviceUrl: c.serviceUrl,
    notes: c.notes,
    isActive: c.isActive,
    createdAt: c.createdAt,
    lastCheckedAt: c.lastCheckedAt,
    lastCheckError: c.lastCheckError,
    latest:
      s.capturedAt === null
        ? null
        : {
            followers: number(s.followers),
            postsCount: number(s.postsCount),
            postsPerWeek: number(s.cadence),
            engagementRateByFollowers: number(s.rate),
            capturedAt: new Date(s.capturedAt),
          },
  }));
}

export function listCompetitors(tx: Transaction, organizationId: string): Promise<CompetitorAccount[]> {
  return selectCompetitors(tx, organizationId);
}

/**
 * Starts tracking a competitor: refuses networks that offer no public read (saying why), reads
 * the profile and recent posts at once (an unknown handle fails here, as a PlatformError), and
 * stores the competitor, its posts and a first snapshot in one transaction. The same account
 * twice (by the network's id or handle) is a conflict.
 */
export async function addCompetitor(
  container: Container,
  audit: AuditActor & { organizationId: string },
  input: NewCompetitor,
): Promise<CompetitorAccount> {
  const { organizationId } = audit;
  if (!competitorReaderFor(input.platform, connectorContext(container))) {
    const reason =
      UNREADABLE_COMPETITOR_NETWORKS[input.platform] ?? `Competitors on ${input.platform} can't be read.`;
    throw new RuleViolation(reason, [{ field: 'body.platform', message: reason }], {
      reason: 'network_not_readable',
    });
  }
  if (input.platform !== 'mastodon' && input.instance) {
    throw new RuleViolation('Only Mastodon accounts live on a server of their own.', [
      { field: 'body.instance', message: 'Leave it out for this network' },
    ]);
  }
  const reading = await readCompetitor(container, organizationId, input.platform, {
    handle: input.handle,
    serviceUrl: input.instance,
  });
  const now = container.clock.now();
  const id = await withTenant(container.db, organizationId, async (tx) => {
    const [existing] = await tx
      .select({ id: competitors.id })
      .from(competitors)
      .where(
        and(
          eq(competitors.organizationId, organizationId),
          eq(competitors.platform, input.platform),
          or(
            eq(competitors.handle, reading.profile.handle),
            eq(competitors.platformAccountId, reading.profile.platformAccountId),
          ),
        ),
      );
    if (existing) throw new ConflictError(`${reading.profile.handle} is tracked already.`);
    const [row] = await tx
      .insert(competitors)
      .values({
        organizationId,
        platform: input.platform,
        handle: reading.profile.handle,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: competitors.id });
    if (!row) throw new ConflictError(`${reading.profile.handle} is tracked already.`);
    await storeReading(tx, { id: row.id, organizationId }, reading, now);
    await recordAudit(tx, audit, {
      action: 'create',
      resourceType: 'competitor',
      resourceId: row.id,
      newValues: { platform: input.platform, handle: reading.profile.handle },
    });
    return row.id;
  });
  const [added] = await withTenant(container.db, organizationId, (tx) =>
    selectCompetitors(tx, organizationId, id),
  );
  return added!;
}

/** Stops tracking a competitor; its posts and snapshots go with it. */
export async function removeCompetitor(
  tx: Transaction,
  audit: AuditActor & { organizationId: string },
  competitorId: string,
): Promise<void> {
  const [removed] = await tx
    .delete(competitors)
    .where(and(eq(competitors.id, competitorId), eq(competitors.organizationId, audit.organizationId)))
    .returning({ platform: competitors.platform, handle: competitors.handle });
  if (!removed) throw new NotFoundError('Competitor');
  await recordAudit(tx, audit, {
    action: 'delete',
    resourceType: 'competitor',
    resourceId: competitorId,
    oldValues: removed,
  });
}
