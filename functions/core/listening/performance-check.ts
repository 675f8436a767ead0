import { inArray } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { agentAlerts, socialAccounts } from '../../db/schema';
import type { NotificationSeverity } from '../../db/schema';
import { withTenant, type Transaction } from '../../db/tenant';
import {
  assessAccountNow,
  detectAnomalies,
  detectorOptionsFor,
  loadTrackerInput,
  periodSummary,
  type AccountSeries,
  type NowAssessment,
  type PeriodSummary,
  type Severity,
} from '../agents/anomalies';
import { addDays, dayIn, weekdayOf } from '../agents/anomalies/daily-series';
import { takePendingEmails } from '../notifications/email-outbox';
import { announceAlerts, notifyAlert, type AgentAlertRow } from './alert-notifications';

const SEVERITY: Record<Severity, NotificationSeverity> = {
  info: 'info',
  warning: 'warning',
  critical: 'error',
};
const METRIC_NAMES = {
  followers: 'followers',
  impressions: 'impressions',
  engagementPerPost: 'engagement per post',
};

export interface PerformanceCheckResult {
  anomalies: number;
  summary: boolean;
  notified: number;
}

type Assessed = NowAssessment & {
  alert: NonNullable<NowAssessment['alert']>;
  anomaly: NonNullable<NowAssessment['anomaly']>;
};

function anomalyTitle(found: Assessed, accountName: string): string {
  const { anomaly } = found;
  const change =
    anomaly.peak.change === null
      ? ''
      : ` (${anomaly.peak.change > 0 ? '+' : ''}${Math.round(anomaly.peak.change * 100)} %)`;
  const what = anomaly.direction === 'spike' ? 'unusually high' : 'unusually low';
  const shift = found.alert.reason === 'level-shift' ? ', and staying there' : '';
  return `${accountName}: ${METRIC_NAMES[found.metric]} ${what}${change}${shift}`;
}

/** Stores one anomaly (key: account, metric, day) and tells the admins and managers; nothing on a key already stored. */
async function raiseAnomaly(
  tx: Transaction,
  organizationId: string,
  found: Assessed,
  accountName: string,
  now: Date,
): Promise<{ row: AgentAlertRow; notified: number } | null> {
  const { anomaly, alert } = found;
  const [row] = await tx
    .insert(agentAlerts)
    .values({
      organizationId,
      agentType: 'performance_tracker',
      kind: 'anomaly',
      severity: SEVERITY[alert.severity],
      dedupeKey: `anomaly:${found.socialAccountId}:${found.metric}:${found.day}`,
      socialAccountId: found.socialAccountId,
      title: anomalyTitle(found, accountName),
      details: {
        metric: found.metric,
        day: found.day,
        reason: alert.reason,
        anomaly,
        assessment: found.assessment,
      },
      status: 'open',
      startedAt: new Date(`${anomaly.start}T00:00:00.000Z`),
      detectedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [agentAlerts.organizationId, agentAlerts.dedupeKey] })
    .returning();
  if (!row) return null;
  const body = `${found.day}: ${anomaly.peak.observed} against about ${Math.round(anomaly.peak.expected * 10) / 10} expected (${anomaly.days} unusual day${anomaly.days === 1 ? '' : 's'} since ${anomaly.start}).`;
  return { row, notified: await notifyAlert(tx, row, 'performance.anomaly', body) };
}

function summaryBody(summary: PeriodSummary, names: Map<string, string>): string {
  const lines = summary.movers.map((m) => {
    const change = m.change === null ? 'from 0' : `${m.change > 0 ? '+' : ''}${Math.round(m.change * 100)} %`;
    return `${names.get(m.socialAccountId) ?? 'An account'}: ${METRIC_NAMES[m.metric]} ${change} (${Math.round(m.previous)} → ${Math.round(m.current)})`;
  });
  const { info, warning, critical } = summary.severities;
  lines.push(`Anomalies this week: ${critical} critical, ${warning} warnings, ${info} notes.`);
  return lines.join('\n');
}

/** The week just ended (Monday to Sunday), stored once (key: its last day) and told to admins and managers. */
async function raiseSummary(
  tx: Transaction,
  organizationId: string,
  series: AccountSeries[],
  to: string,
  names: Map<string, string>,
  now: Date,
): Promise<{ row: AgentAlertRow; notified: number } | null> {
  const anomalies = series.flatMap((s) =>
    detectAnomalies(s.points, detectorOptionsFor(s.metric)).anomalies.map((anomaly) => ({
      socialAccountId: s.socialAccountId,
      metric: s.metric,
      anomaly,
    })),
  );
  const summary = periodSummary(series, anomalies, to);
  if (summary.movers.length === 0 && summary.anomalies.length === 0) return null;
  const [row] = await tx
    .insert(agentAlerts)
    .values({
      organizationId,
      agentType: 'performance_tracker',
      kind: 'summary',
      severity: 'info',
      dedupeKey: `summary:${to}`,
      title: `Your week from ${summary.from} to ${summary.to}`,
      details: { summary },
      // A summary is read, not handled: it is stored resolved, as the record that it was sent.
      status: 'resolved',
      startedAt: new Date(`${summary.from}T00:00:00.000Z`),
      detectedAt: now,
      resolvedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [agentAlerts.organizationId, agentAlerts.dedupeKey] })
    .returning();
  if (!row) return null;
  return { row, notified: await notifyAlert(tx, row, 'performance.summary', summaryBody(summary, names)) };
}

/**
 * The performance tracker's daily check of one organization (queued by the watch tick): each
 * account's series judged by `assessAccountNow` (yesterday, UTC), a new, escalated or settled
 * anomaly stored as an `anomaly` alert and told at once; on Mondays the week's summary. Each is
 * stored under a key of its own, so a rerun, or two at once, tells nobody twice.
 */
export async function checkPerformance(
  container: Container,
  request: { organizationId: string },
): Promise<PerformanceCheckResult> {
  const { db, clock } = container;
  const now = clock.now();
  const { raised, emails } = await withTenant(db, request.organizationId, async (tx) => {
    const input = await loadTrackerInput(tx, request.organizationId, now);
    const ids = [...new Set(input.series.map((s) => s.socialAccountId))];
    const accounts =
      ids.length === 0
        ? []
        : await tx
            .select({
              id: socialAccounts.id,
              name: socialAccounts.accountName,
              handle: socialAccounts.accountHandle,
            })
            .from(socialAccounts)
            .where(inArray(socialAccounts.id, ids));
    const names = new Map(accounts.map((a) => [a.id, a.handle ?? a.name ?? 'An account']));
    const found: { row: AgentAlertRow; notified: number }[] = [];
    for (const series of input.series) {
      const assessed = assessAccountNow(series, now, { timeZone: input.timeZone });
      if (!assessed.alert || !assessed.anomaly) continue;
      const raisedOne = await raiseAnomaly(
        tx,
        request.organizationId,
        assessed as Assessed,
        names.get(series.socialAccountId) ?? 'An account',
        now,
      );
      if (raisedOne) found.push(raisedOne);
    }
    const yesterday = addDays(dayIn(now, 'UTC'), -1);
    let summary = false;
    if (weekdayOf(yesterday) === 0) {
      const sent = await raiseSummary(tx, request.organizationId, input.series, yesterday, names, now);
      if (sent) {
        found.push(sent);
        summary = true;
      }
    }
    return { raised: { found, summary }, emails: takePendingEmails(tx) };
  });
  await announceAlerts(
    container,
    emails,
    raised.found.map((r) => r.row),
  );
  return {
    anomalies: raised.found.filter((r) => r.row.kind === 'anomaly').length,
    summary: raised.summary,
    notified: raised.found.reduce((n, r) => n + r.notified, 0),
  };
}
