import { GENERATE_REPORT } from '../../../core/analytics/reports/request-report';
import { requestExport } from '../../../core/analytics/reports/request-export';
import type { ExportQuery } from '../../../core/analytics/export-rows';
import type { ExportFormat } from '../../../shared/analytics/export-columns';
import { withTenant } from '../../../db/tenant';
import type { Operation, OperationContext } from '../../operation';
import { presentReport } from './reports';

/**
 * Records an export as a pending report and queues the background job that writes its file
 * (the same worker as reports); the answer is the pending export.
 */
export async function queueExport(
  { container, auth }: Pick<OperationContext, 'container' | 'auth'>,
  query: ExportQuery,
  format: ExportFormat,
) {
  const row = await withTenant(container.db, auth.organizationId, (tx) =>
    requestExport(tx, { organizationId: auth.organizationId, createdBy: auth.userId, query, format }),
  );
  await container.queue.send('jobs', {
    type: GENERATE_REPORT,
    organizationId: auth.organizationId,
    reportId: row.id,
  });
  return presentReport(row);
}

/** `POST /api/analytics/exports`: the dashboard's export, made in the background; 202 with it. */
export const requestAnalyticsExport: Operation<'requestAnalyticsExport'> = async ({ body }, context) => {
  const { format, ...query } = body;
  return { status: 202, body: await queueExport(context, query, format) };
};
