import { and, eq, exists, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Clock, JobQueue, KeyValue, Logger } from '../ports';
import type { Database } from '../../db/client';
import { agentAlerts, mentions, socialAccounts } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { LISTENED_NETWORKS } from '../../platforms/mentions-reader';
import { CRISIS_SETTINGS } from '../agents/crisis/settings';

/** Job types of the watching agents' checks (functions/jobs/watch-checks.ts). */
export const CHECK_CRISIS = 'check-crisis';
export const CHECK_PERFORMANCE = 'check-performance';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** When the checks are next worth a look (epoch ms); in AWS the sweep leaves the database alone until then. */
const NEXT_DUE = { pk: 'watch-checks', sk: 'next-due' } as const;
/** Past this minute of the hour the crisis check runs even if an account's read is late (a network down). */
const CRISIS_LATEST_MINUTE = 40;
/** The daily performance check runs from this UTC hour on, after the 06:00 metrics sync has read yesterday. */
const PERFORMANCE_HOUR_UTC = 7;

export interface WatchTickDeps {
  db: Database;
  kv: KeyValue;
  queue: Pick<JobQueue, 'sendBatch'>;
  clock: Clock;
  logger: Pick<Logger, 'info'>;
}

/**
 * Queues the watching agents' checks: the crisis manager's once an hour for each organization
 * listened to with mentions in the replay span (or an alert still open, so it can end), once its
 * accounts' mentions have been read since the hour began (or 40 minutes in, regardless), and the
 * performance tracker's once a day for each organization with an active account. Each check
 * is queued once per hour or day by a key-value claim; the checks themselves are idempotent
 * too, so a lost claim costs a repeated check, never a repeated alert.
 */
export async function queueWatchChecks(
  deps: WatchTickDeps,
  options: { respectMarker?: boolean; organizationId?: string } = {},
): Promise<{ skipped: boolean; crisis: number; performance: number }> {
  const now = deps.clock.now();
  if (options.respectMarker) {
    const marker = await deps.kv.get<number>(NEXT_DUE.pk, NEXT_DUE.sk);
    if (marker && marker.value > now.getTime()) return { skipped: true, crisis: 0, performance: 0 };
  }
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const day = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  const only = options.organizationId;
  const hourStart = new Date(hour * HOUR_MS);
  const listened = and(
    eq(socialAccounts.status, 'active'),
    eq(socialAccounts.isActive, true),
    inArray(socialAccounts.platform, LISTENED_NETWORKS),
    only ? eq(socialAccounts.organizationId, only) : undefined,
  );
  const { talkedAbout, alerting, unread, accounts } = await withSystem(deps.db, async (tx) => ({
    // Organizations listened to with mentions in the replay span (through the mentions index
    // on organization and time, one probe each, not a scan of every organization's mentions).
    talkedAbout: await tx
      .selectDistinct({ organizationId: socialAccounts.organizationId })
      .from(socialAccounts)
      .where(
        and(
          listened,
          exists(
            tx
              .select({ one: sql`1` })
              .from(mentions)
              .where(
                and(
                  eq(mentions.organizationId, socialAccounts.organizationId),
                  gte(mentions.mentionedAt, new Date(now.getTime() - CRISIS_SETTINGS.replayHours * HOUR_MS)),
                ),
              ),
          ),
        ),
      ),
    alerting: await tx
      .selectDistinct({ organizationId: agentAlerts.organizationId })
      .from(agentAlerts)
      .where(
        and(
          eq(agentAlerts.kind, 'crisis'),
          ne(agentAlerts.status, 'resolved'),
          only ? eq(agentAlerts.organizationId, only) : undefined,
        ),
      ),
    // Accounts whose mentions were not read yet this hour: their organization's check waits for them.
    unread: await tx
      .selectDistinct({ organizationId: socialAccounts.organizationId })
      .from(socialAccounts)
      .where(
        and(
          listened,
          or(isNull(socialAccounts.mentionsSyncedAt), lt(socialAccounts.mentionsSyncedAt, hourStart)),
        ),
      ),
    accounts:
      now.getUTCHours() >= PERFORMANCE_HOUR_UTC
        ? await tx
            .selectDistinct({ organizationId: socialAccounts.organizationId })
            .from(socialAccounts)
            .where(
              and(
                eq(socialAccounts.status, 'active'),
                only ? eq(socialAccounts.organizationId, only) : undefined,
              ),
            )
        : [],
  }));
  const jobs: { type: string; organizationId: string }[] = [];
  const crisisOrgs = new Set([...talkedAbout, ...alerting].map((r) => r.organizationId));
  // After ingestion: an organization is judged once its accounts' mentions of the hour are in.
  const late = now.getTime() - hourStart.getTime() >= CRISIS_LATEST_MINUTE * 60_000;
  const waiting = late ? new Set<string>() : new Set(unread.map((r) => r.organizationId));
  let waitingFor = 0;
  for (const organizationId of crisisOrgs) {
    if (waiting.has(organizationId)) {
      waitingFor += 1;
      continue;
    }
    const fresh = await deps.kv.putIfAbsent({
      pk: CHECK_CRISIS,
      sk: `${organizationId}:${hour}`,
      value: now.getTime(),
      expiresAt: Math.ceil((now.getTime() + 2 * HOUR_MS) / 1000),
    });
    if (fresh) jobs.push({ type: CHECK_CRISIS, organizationId });
  }
  let performance = 0;
  for (const { organizationId } of accounts) {
    const fresh = await deps.kv.putIfAbsent({
      pk: CHECK_PERFORMANCE,
      sk: `${organizationId}:${day}`,
      value: now.getTime(),
      expiresAt: Math.ceil((now.getTime() + 2 * DAY_MS) / 1000),
    });
    if (fresh) {
      jobs.push({ type: CHECK_PERFORMANCE, organizationId });
      performance += 1;
    }
  }
  if (jobs.length > 0) {
    await deps.queue.sendBatch('jobs', jobs);
    deps.logger.info('Queued watching agents’ checks', { crisis: jobs.length - performance, performance });
  }
  // The next hour, or the next sweep while an organization waits for its mentions to be read.
  const next = waitingFor > 0 ? now.getTime() + 5 * 60_000 : (hour + 1) * HOUR_MS;
  await deps.kv.put({ ...NEXT_DUE, value: next, expiresAt: Math.ceil(next / 1000) + 24 * 3600 });
  return { skipped: false, crisis: jobs.length - performance, performance };
}
