import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { reports, reportSchedules, organizationMembers, type ReportFile } from '../../../db/schema';
import { withTenant, type Transaction } from '../../../db/tenant';
import { enqueueNotificationEmails, takePendingEmails } from '../../notifications/email-outbox';
import { notificationRecipients } from '../../notifications/notification-recipients';
import { writeNotifications } from '../../notifications/write-notifications';
import type { Clock, JobQueue, Logger, MediaStore } from '../../ports';
import { reportContent, type ReportParameters } from './report-content';
import { renderReportCsv } from './render-csv';
import { renderReportPdf } from './render-pdf';
import { EXPORT_REPORT_TYPE, type ExportParameters } from './request-export';
import { writeExportFile } from './write-export';
import { EXPORT_FILE_DAYS } from '../../../shared/analytics/export-retention';

export interface ReportJobDeps {
  db: Database;
  media: Pick<MediaStore, 'put' | 'get' | 'putStream'>;
  clock: Clock;
  queue: JobQueue;
  logger: Pick<Logger, 'warn' | 'info'>;
}

const CONTENT_TYPES = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8' } as const;

/** Where a report's files live: private, under the organization's prefix. */
export const reportFileKey = (organizationId: string, reportId: string, format: 'pdf' | 'csv') =>
  `reports/${organizationId}/${reportId}/report.${format}`;

/** Who is told a report is ready: its schedule's recipients, or whoever asked for an export. */
async function toldOfReport(tx: Transaction, report: typeof reports.$inferSelect): Promise<string[]> {
  if (report.scheduleId) {
    const [schedule] = await tx
      .select({ recipients: reportSchedules.recipientUserIds })
      .from(reportSchedules)
      .where(eq(reportSchedules.id, report.scheduleId));
    return schedule?.recipients ?? [];
  }
  return report.reportType === EXPORT_REPORT_TYPE && report.createdBy ? [report.createdBy] : [];
}

/** Renders a report's PDF and/or CSV and stores them privately. */
async function renderReportFiles(
  deps: ReportJobDeps,
  job: { organizationId: string; reportId: string },
  name: string,
  parameters: ReportParameters,
): Promise<ReportFile[]> {
  const { db, media, clock } = deps;
  const content = await withTenant(db, job.organizationId, (tx) =>
    reportContent(tx, media, job.organizationId, name, parameters),
  );
  const files: ReportFile[] = [];
  for (const format of parameters.formats) {
    const bytes = format === 'pdf' ? await renderReportPdf(content, clock.now()) : renderReportCsv(content);
    const key = reportFileKey(job.organizationId, job.reportId, format);
    await media.put(key, bytes, CONTENT_TYPES[format]);
    files.push({ format, key, contentType: CONTENT_TYPES[format], bytes: bytes.byteLength });
  }
  return files;
}

/**
 * Renders one report (PDF and/or CSV) or writes one export (CSV or JSON, streamed), stores its
 * files privately and marks it completed. Who hears of it (in the app and by email,
 * `report.ready`), if still a member: a scheduled report's recipients, and the person who
 * asked for an export (a large one takes minutes, and they may have left the page). Safe to
 * run twice: a completed report is left alone. A report that cannot be made is marked failed
 * with the reason, not retried (the same input fails again).
 */
export async function generateReport(
  deps: ReportJobDeps,
  job: { organizationId: string; reportId: string },
): Promise<void> {
  const { db, clock, queue, logger } = deps;
  const report = await withTenant(db, job.organizationId, async (tx) => {
    const [row] = await tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, job.reportId), eq(reports.organizationId, job.organizationId)));
    if (!row || row.status === 'completed') return undefined;
    await tx.update(reports).set({ status: 'running', errorMessage: null }).where(eq(reports.id, row.id));
    return row;
  });
  if (!report) return;
  const isExport = report.reportType === EXPORT_REPORT_TYPE;
  const parameters = report.parameters as unknown as ReportParameters | ExportParameters;
  try {
    const files = isExport
      ? [await writeExportFile(deps, job, parameters as ExportParameters)]
      : await renderReportFiles(deps, job, report.name, parameters as ReportParameters);
    const emails = await withTenant(db, job.organizationId, async (tx) => {
      await tx
        .update(reports)
        .set({ status: 'completed', files, completedAt: clock.now(), s3Key: files[0]?.key ?? null })
        .where(eq(reports.id, report.id));
      const told = await toldOfReport(tx, report);
      if (told.length === 0) return [];
      // Only people who are still members hear of it (someone may have left since).
      const members = new Set(
        (
          await tx
            .select({ userId: organizationMembers.userId })
            .from(organizationMembers)
            .where(eq(organizationMembers.organizationId, job.organizationId))
        ).map((row) => row.userId),
      );
      const recipients = await notificationRecipients(
        tx,
        job.organizationId,
        told.filter((id) => members.has(id)),
        'report.ready',
      );
      await writeNotifications(
        tx,
        {
          organizationId: job.organizationId,
          type: 'report.ready',
          severity: 'success',
          title: `${isExport ? 'Export' : 'Report'} ready: ${report.name}`,
          body: isExport
            ? `${parameters.from} to ${parameters.to} (${parameters.timeZone}). Download it from Reports in Plume within ${EXPORT_FILE_DAYS} days.`
            : `${parameters.from} to ${parameters.to} (${parameters.timeZone}). Download it from Reports in Plume.`,
          link: '/analytics/reports',
          data: { reportId: report.id },
        },
        recipients,
      );
      return takePendingEmails(tx);
    });
    await enqueueNotificationEmails({ queue, logger: logger as Logger }, emails);
    logger.info('Report generated', { reportId: report.id, files: files.map((f) => f.format) });
  } catch (error) {
    // The database's own words (drizzle wraps them with the whole SQL, which is no one's business).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    logger.warn('Report generation failed', { reportId: report.id, error: String(error) });
    await withTenant(db, job.organizationId, (tx) =>
      tx
        .update(reports)
        .set({ status: 'failed', errorMessage: `The report could not be made: ${message}`.slice(0, 300) })
        .where(eq(reports.id, report.id)),
    );
  }
}
