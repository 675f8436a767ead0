import { and, desc, eq, inArray, min } from 'drizzle-orm';
import type { Container } from '../ports/container';
import { agentAlerts, mentions } from '../../db/schema';
import { withTenant, type Transaction } from '../../db/tenant';
import {
  assessCrisisNow,
  CRISIS_SETTINGS,
  loadMentions,
  type CrisisAlert,
  type LoadedMention,
} from '../agents/crisis';
import { takePendingEmails } from '../notifications/email-outbox';
import { applyPostEffects, type PostEffects } from '../posts/post-effects';
import { announceAlerts, notifyAlert, type AgentAlertRow } from './alert-notifications';
import { draftCrisisResponse } from './crisis-response';

const HOUR_MS = 3_600_000;
const SEVERITY = { watch: 'warning', crisis: 'error' } as const;
const RANK: Record<string, number> = { info: 0, success: 0, warning: 1, error: 2 };
/** Negative mentions kept on the alert as its examples. */
const SAMPLES = 5;

export interface CrisisCheckResult {
  level: CrisisAlert['level'];
  /** The alert raised, updated or resolved, if any. */
  alertId: string | null;
  /** People told (in the app or by email) by this check. */
  notified: number;
  resolved: boolean;
}

function percent(share: number | null): string {
  return share === null ? 'unknown' : `${Math.round(share * 100)} %`;
}

function titleOf(alert: CrisisAlert): string {
  const e = alert.evidence;
  const what = alert.level === 'crisis' ? 'Possible crisis' : 'Watch';
  if (!e) return `${what}: unusual mentions`;
  return `${what}: ${e.mentions} mentions in ${e.windowHours} h (about ${Math.round(e.expected * 10) / 10} usual), ${percent(e.negativeShare)} negative`;
}

function bodyOf(alert: CrisisAlert, samples: LoadedMention[]): string {
  const e = alert.evidence;
  const lines = [
    e
      ? `From ${e.from} to ${e.to}: ${e.mentions} mentions against ${e.expected} expected, ${e.negative} negative (usually ${percent(e.baselineNegativeShare)}).`
      : 'Mentions are far from their usual level.',
    ...samples.slice(0, 3).map((m) => `“${m.content.slice(0, 200)}”`),
  ];
  return lines.join('\n');
}

/** The most recent negative mentions of the deciding window, as the alert's examples. */
function samplesOf(alert: CrisisAlert, history: LoadedMention[]): LoadedMention[] {
  const from = alert.evidence ? Date.parse(alert.evidence.from) : 0;
  const to = alert.evidence ? Date.parse(alert.evidence.to) : Infinity;
  return history
    .filter((m) => m.label === 'negative' && m.at.getTime() >= from && m.at.getTime() < to)
    .slice(-SAMPLES)
    .reverse();
}

function detailsOf(alert: CrisisAlert, samples: LoadedMention[]): Record<string, unknown> {
  return {
    level: alert.level,
    assessedAt: alert.assessedAt,
    evidence: alert.evidence,
    baseline: alert.baseline,
    samples: samples.map((m) => ({
      id: m.id,
      platform: m.platform,
      content: m.content,
      url: m.url,
      at: m.at.toISOString(),
      score: m.score,
    })),
  };
}

/**
 * Applies one assessment to the organization's crisis alert, in the caller's transaction. An
 * episode is one `agent_alerts` row (dedupe key: when its evidence began), raised once however
 * many sweeps run, together or again: the insert does nothing on a key already stored, and a
 * change of level is a conditional update only one sweep wins. A crisis notifies at once; a
 * watch is shown, not sent; a watch becoming a crisis notifies then. When the level is back to
 * none the open alert is resolved. An alert someone resolved by hand is not raised again for
 * the same episode.
 */
export async function applyCrisisAssessment(
  tx: Transaction,
  organizationId: string,
  alert: CrisisAlert,
  history: LoadedMention[],
  now: Date,
): Promise<{ row: AgentAlertRow | null; notified: number; resolved: boolean; response?: PostEffects }> {
  const [open] = await tx
    .select()
    .from(agentAlerts)
    .where(
      and(
        eq(agentAlerts.organizationId, organizationId),
        eq(agentAlerts.agentType, 'crisis_manager'),
        eq(agentAlerts.kind, 'crisis'),
        inArray(agentAlerts.status, ['open', 'acknowledged']),
      ),
    )
    .orderBy(desc(agentAlerts.detectedAt))
    .limit(1)
    .for('update');
  if (alert.level === 'none') {
    if (!open) return { row: null, notified: 0, resolved: false };
    const [resolved] = await tx
      .update(agentAlerts)
      .set({
        status: 'resolved',
        resolvedAt: now,
        details: { ...open.details, endedAt: alert.assessedAt },
        updatedAt: now,
      })
      .where(and(eq(agentAlerts.id, open.id), inArray(agentAlerts.status, ['open', 'acknowledged'])))
      .returning();
    return { row: resolved ?? null, notified: 0, resolved: resolved !== undefined };
  }
  const severity = SEVERITY[alert.level];
  const samples = samplesOf(alert, history);
  const details = detailsOf(alert, samples);
  if (open) {
    const escalates = RANK[severity]! > RANK[open.severity]!;
    const [updated] = await tx
      .update(agentAlerts)
      .set({
        ...(escalates ? { severity, title: titleOf(alert) } : {}),
        details: {
          ...details,
          level: escalates ? alert.level : (open.details.level ?? alert.level),
          // The drafted answer stays linked however often the evidence is refreshed.
          ...(open.details.responsePostId ? { responsePostId: open.details.responsePostId } : {}),
        },
        updatedAt: now,
      })
      .where(and(eq(agentAlerts.id, open.id), eq(agentAlerts.severity, open.severity)))
      .returning();
    const raised = updated !== undefined && escalates && alert.level === 'crisis';
    const notified = raised ? await notifyAlert(tx, updated, 'crisis.alert', bodyOf(alert, samples)) : 0;
    const response = raised ? await draftCrisisResponse(tx, now, updated, samples) : null;
    return {
      row: updated ?? open,
      notified,
      resolved: false,
      ...(response ? { response: response.effects } : {}),
    };
  }
  const startedAt = new Date(alert.startedAt ?? alert.assessedAt);
  const [inserted] = await tx
    .insert(agentAlerts)
    .values({
      organizationId,
      agentType: 'crisis_manager',
      kind: 'crisis',
      severity,
      dedupeKey: `crisis:${startedAt.toISOString()}`,
      title: titleOf(alert),
      details,
      status: 'open',
      startedAt,
      detectedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [agentAlerts.organizationId, agentAlerts.dedupeKey] })
    .returning();
  if (!inserted) return { row: null, notified: 0, resolved: false };
  const notified =
    alert.level === 'crisis' ? await notifyAlert(tx, inserted, 'crisis.alert', bodyOf(alert, samples)) : 0;
  const response = alert.level === 'crisis' ? await draftCrisisResponse(tx, now, inserted, samples) : null;
  return { row: inserted, notified, resolved: false, ...(response ? { response: response.effects } : {}) };
}

/**
 * The crisis manager's hourly check of one organization (the job the crisis tick queues):
 * its mentions of the baseline's weeks and the replay span, `assessCrisisNow`, and the alert
 * applied in the same transaction; emails and the realtime push after the commit.
 */
export async function checkCrisis(
  container: Container,
  request: { organizationId: string },
): Promise<CrisisCheckResult> {
  const { db, clock } = container;
  const now = clock.now();
  const { outcome, level, emails } = await withTenant(db, request.organizationId, async (tx) => {
    const [first] = await tx
      .select({ at: min(mentions.mentionedAt) })
      .from(mentions)
      .where(eq(mentions.organizationId, request.organizationId));
    const lookBack = (CRISIS_SETTINGS.baseline.weeks * 7 * 24 + CRISIS_SETTINGS.replayHours + 24) * HOUR_MS;
    const earliest = first?.at ?? null;
    const since = new Date(Math.max(now.getTime() - lookBack, earliest?.getTime() ?? now.getTime()));
    const history = earliest ? await loadMentions(tx, request.organizationId, since, now) : [];
    const alert = assessCrisisNow(history, now, { historySince: earliest ?? undefined });
    const applied = await applyCrisisAssessment(tx, request.organizationId, alert, history, now);
    return { outcome: applied, level: alert.level, emails: takePendingEmails(tx) };
  });
  await announceAlerts(container, emails, outcome.row ? [outcome.row] : []);
  // The drafted answer's own effects: its reviewers' emails (and the alert's, taken with them), the push.
  if (outcome.response) await applyPostEffects(container, outcome.response);
  return { level, alertId: outcome.row?.id ?? null, notified: outcome.notified, resolved: outcome.resolved };
}
