import { reports } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import type { ExportFormat } from '../../../shared/analytics/export-columns';
import type { ExportQuery } from '../export-rows';
import { periodAndPrevious } from '../period';
import type { ReportRow } from './request-report';

/** `reports.report_type` of an export kept as a report (its one file is the export). */
export const EXPORT_REPORT_TYPE = 'export';

/** What an export report was asked for: the export's query and its one format. */
export interface ExportParameters extends ExportQuery {
  formats: [ExportFormat];
}

const DATASET_NAMES = { posts: 'posts', daily: 'daily figures' } as const;

/**
 * Records an export to be written by the background job (`pending`, in the caller's
 * transaction; the caller queues `generate-report` once it has committed). An export too large
 * to write within one API request in AWS is made this way, and so is any the dashboard asks
 * for: its file then appears among the reports, with the same expiring download links.
 */
export async function requestExport(
  tx: Transaction,
  input: { organizationId: string; createdBy: string | null; query: ExportQuery; format: ExportFormat },
): Promise<ReportRow> {
  const { query, format } = input;
  periodAndPrevious(query);
  const parameters: ExportParameters = {
    from: query.from,
    to: query.to,
    timeZone: query.timeZone,
    ...(query.accountIds ? { accountIds: query.accountIds } : {}),
    ...(query.platforms ? { platforms: query.platforms } : {}),
    dataset: query.dataset,
    formats: [format],
  };
  const [row] = await tx
    .insert(reports)
    .values({
      organizationId: input.organizationId,
      createdBy: input.createdBy,
      name: `Export of ${DATASET_NAMES[query.dataset]}, ${query.from} to ${query.to}`,
      reportType: EXPORT_REPORT_TYPE,
      parameters: { ...parameters },
      format,
      status: 'pending',
    })
    .returning();
  return row!;
}
