import { EXPORT_CONTENT_TYPES, exportChunks } from '../../../core/analytics/export-format';
import { countExportRows, exportRows } from '../../../core/analytics/export-rows';
import { periodAndPrevious } from '../../../core/analytics/period';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { canStreamResponse, sendStreamed } from '../../streamed-response';
import { queueExport } from './request-export';

/**
 * The organization's analytics rows as CSV or JSON, streamed from a database cursor to the
 * client (locally) or to private storage with a link (in AWS), never held whole: the cursor
 * lives in the tenant transaction, so the rows are written out inside it. In AWS an export
 * of more rows than one request can write in API Gateway's 30 seconds is handed to the
 * background job instead (202 with the pending export).
 */
export const exportAnalytics: Operation<'exportAnalytics'> = async ({ query }, context) => {
  const { container, auth, requestId } = context;
  // A bad range is a 400 before anything is sent.
  periodAndPrevious(query);
  const { dataset, format } = query;
  const filename = `plume-${dataset}-${query.from}-${query.to}.${format}`;
  const inlineRows = container.env.ANALYTICS_INLINE_EXPORT_ROWS;
  if (!canStreamResponse()) {
    const rows = await withTenant(container.db, auth.organizationId, (tx) =>
      countExportRows(tx, auth.organizationId, query, inlineRows),
    );
    if (rows > inlineRows) {
      const pending = await queueExport(context, query, format);
      return { status: 202, body: pending, headers: { location: '/api/analytics/reports' } };
    }
  }
  return withTenant(container.db, auth.organizationId, (tx) =>
    sendStreamed(container.media, {
      contentType: EXPORT_CONTENT_TYPES[format],
      filename,
      chunks: exportChunks(exportRows(tx, auth.organizationId, query), dataset, format),
      storeKey: `exports/analytics/${auth.organizationId}/${requestId}/${filename}`,
    }),
  );
};
