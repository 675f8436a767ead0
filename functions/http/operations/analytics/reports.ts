import { and, count, desc, eq } from 'drizzle-orm';
import type { ReportParameters } from '../../../core/analytics/reports/report-content';
import {
  GENERATE_REPORT,
  requestReport,
  type ReportRow,
} from '../../../core/analytics/reports/request-report';
import {
  EXPORT_REPORT_TYPE,
  type ExportParameters,
} from '../../../core/analytics/reports/request-export';
import { reports } from '../../../db/schema';
import { EXPORT_FILE_DAYS } from '../../../shared/analytics/export-retention';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';

/** How long a report download link works (seconds): enough to start the download, not to share it. */
export const REPORT_LINK_SECONDS = 5 * 60;

/** When an export's file is deleted by the bucket's lifecycle (null for a report, or not yet made). */
function exportExpiry(row: ReportRow): Date | null {
  if (row.reportType !== EXPORT_REPORT_TYPE || !row.completedAt) return null;
  return new Date(row.completedAt.getTime() + EXPORT_FILE_DAYS * 86_400_000);
}

export function presentReport(row: ReportRow) {
  const parameters = row.parameters as unknown as ReportParameters | ExportParameters;
  const isExport = row.reportType === EXPORT_REPORT_TYPE;
  return {
    id: row.id,
    kind: isExport ? ('export' as const) : ('report' as const),
    name: row.name,
    status: row.status,
    from: parameters.from,
    to: parameters.to,
    timeZone: parameters.timeZone,
    accountIds: parameters.accountIds ?? null,
    platforms: parameters.platforms ?? null,
    dataset: 'dataset' in parameters ? parameters.dataset : null,
    formats: parameters.formats,
    files: row.files.map((file) => ({
      format: file.format,
      bytes: file.bytes,
      downloadPath: `/api/analytics/reports/${row.id}/files/${file.format}`,
    })),
    scheduleId: row.scheduleId,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    expiresAt: exportExpiry(row)?.toISOString() ?? null,
    errorMessage: row.errorMessage,
  };
}

/** Records the report and queues the background job that renders it; 202 with the pending report. */
export const generateReport: Operation<'generateReport'> = async ({ body }, { container, auth }) => {
  const { name, ...parameters } = body;
  const row = await withTenant(container.db, auth.organizationId, (tx) =>
    requestReport(tx, {
      organizationId: auth.organizationId,
      createdBy: auth.userId,
      name,
      parameters: parameters satisfies ReportParameters,
    }),
  );
  await container.queue.send('jobs', {
    type: GENERATE_REPORT,
    organizationId: auth.organizationId,
    reportId: row.id,
  });
  return { status: 202, body: presentReport(row) };
};

/** The organization's reports, newest first, with their status and files. */
export const listReports: Operation<'listReports'> = async ({ query }, { container, auth }) => {
  const { rows, total } = await withTenant(container.db, auth.organizationId, async (tx) => {
    const mine = eq(reports.organizationId, auth.organizationId);
    const [counted] = await tx.select({ total: count() }).from(reports).where(mine);
    const page = await tx
      .select()
      .from(reports)
      .where(mine)
      .orderBy(desc(reports.createdAt), desc(reports.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit);
    return { rows: page, total: counted?.total ?? 0 };
  });
  return { body: { items: rows.map(presentReport), total, page: query.page, limit: query.limit } };
};

/** A redirect to an expiring link to one of the report's files (presigned S3 GET; a signed local URL). */
export const downloadReportFile: Operation<'downloadReportFile'> = async (
  { params },
  { container, auth },
) => {
  const [row] = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .select()
      .from(reports)
      .where(and(eq(reports.id, params.id), eq(reports.organizationId, auth.organizationId))),
  );
  const file = row?.files.find((candidate) => candidate.format === params.format);
  if (!row || !file) throw notFound(`The report's ${params.format.toUpperCase()} file`);
  const expiry = exportExpiry(row);
  if (expiry && expiry <= container.clock.now())
    throw new HttpProblem(
      404,
      'not_found',
      `The export's file was deleted ${EXPORT_FILE_DAYS} days after it was made; make the export again.`,
    );
  return {
    status: 302,
    headers: { location: await container.media.getDownloadUrl(file.key, REPORT_LINK_SECONDS) },
  };
};
