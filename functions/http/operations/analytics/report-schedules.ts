import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  bringReportSchedulesForward,
  type ScheduleCoverage,
} from '../../../core/analytics/reports/report-schedule-tick';
import { nextRunAfter } from '../../../core/analytics/reports/schedule-dates';
import { InvalidInputError } from '../../../core/errors';
import { organizationMembers, reportSchedules } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';

type ScheduleRow = typeof reportSchedules.$inferSelect;

function presentSchedule(row: ScheduleRow) {
  const coverage = row.parameters as unknown as ScheduleCoverage;
  return {
    id: row.id,
    name: row.name,
    frequency: row.frequency,
    timeZone: row.timeZone,
    recipientUserIds: row.recipientUserIds,
    accountIds: coverage.accountIds ?? null,
    platforms: coverage.platforms ?? null,
    formats: coverage.formats,
    nextRunAt: row.nextRunAt.toISOString(),
    lastRunAt: row.lastRunAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A weekly or monthly report for chosen members of the organization (each must be one). */
export const createReportSchedule: Operation<'createReportSchedule'> = async (
  { body },
  { container, auth },
) => {
  const { name, frequency, timeZone, recipientUserIds, ...coverage } = body;
  const nextRunAt = nextRunAfter(frequency, timeZone, container.clock.now());
  const row = await withTenant(container.db, auth.organizationId, async (tx) => {
    const recipients = [...new Set(recipientUserIds)];
    const members = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.organizationId, auth.organizationId),
          inArray(organizationMembers.userId, recipients),
        ),
      );
    const known = new Set(members.map((member) => member.userId));
    const strangers = recipients.filter((id) => !known.has(id));
    if (strangers.length > 0) {
      throw new InvalidInputError('Every recipient must be a member of this organization.', [
        { field: 'body.recipientUserIds', message: `Not members: ${strangers.join(', ')}` },
      ]);
    }
    const [created] = await tx
      .insert(reportSchedules)
      .values({
        organizationId: auth.organizationId,
        createdBy: auth.userId,
        name,
        frequency,
        timeZone,
        recipientUserIds: recipients,
        parameters: { ...(coverage satisfies ScheduleCoverage) },
        nextRunAt,
      })
      .returning();
    return created!;
  });
  await bringReportSchedulesForward(container.kv, nextRunAt);
  return { status: 201, body: presentSchedule(row) };
};

export const listReportSchedules: Operation<'listReportSchedules'> = async (_input, { container, auth }) => {
  const rows = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .select()
      .from(reportSchedules)
      .where(eq(reportSchedules.organizationId, auth.organizationId))
      .orderBy(asc(reportSchedules.createdAt)),
  );
  return { body: { items: rows.map(presentSchedule) } };
};

/** Stops a schedule; the reports it made stay (their `scheduleId` becomes null). */
export const deleteReportSchedule: Operation<'deleteReportSchedule'> = async (
  { params },
  { container, auth },
) => {
  const deleted = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .delete(reportSchedules)
      .where(and(eq(reportSchedules.id, params.id), eq(reportSchedules.organizationId, auth.organizationId)))
      .returning({ id: reportSchedules.id }),
  );
  if (deleted.length === 0) throw notFound('The report schedule');
  return {};
};
