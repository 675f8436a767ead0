import { reports } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { periodAndPrevious } from '../period';
import type { ReportParameters } from './report-content';

export type ReportRow = typeof reports.$inferSelect;

/**
 * The background job type that renders a report (functions/jobs/generate-report.ts). Here, not
 * beside the renderer, so what only queues reports (the HTTP API, the sweep) bundles no PDFKit.
 */
export const GENERATE_REPORT = 'generate-report';

/**
 * Records a report to be made (`pending`), in the caller's transaction; the caller queues the
 * `generate-report` job once it has committed. A range that runs backwards or spans more than
 * the analytics maximum is refused here (InvalidInputError, a 400).
 */
export async function requestReport(
  tx: Transaction,
  input: {
    organizationId: string;
    createdBy: string | null;
    name: string;
    parameters: ReportParameters;
    scheduleId?: string;
  },
): Promise<ReportRow> {
  periodAndPrevious(input.parameters);
  const [row] = await tx
    .insert(reports)
    .values({
      organizationId: input.organizationId,
      createdBy: input.createdBy,
      name: input.name,
      reportType: 'analytics',
      parameters: { ...input.parameters },
      format: input.parameters.formats.join('+'),
      status: 'pending',
      scheduleId: input.scheduleId ?? null,
    })
    .returning();
  return row!;
}
