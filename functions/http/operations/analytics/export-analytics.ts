import { EXPORT_CONTENT_TYPES, exportChunks } from '../../../core/analytics/export-format';
import { exportRows } from '../../../core/analytics/export-rows';
import { periodAndPrevious } from '../../../core/analytics/period';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { sendStreamed } from '../../streamed-response';

/**
 * The organization's analytics rows as CSV or JSON, streamed from a database cursor to the
 * client (locally) or to private storage with a link (in AWS), never held whole: the cursor
 * lives in the tenant transaction, so the rows are written out inside it.
 */
export const exportAnalytics: Operation<'exportAnalytics'> = async (
  { query },
  { container, auth, requestId },
) => {
  // A bad range is a 400 before anything is sent.
  periodAndPrevious(query);
  const { dataset, format } = query;
  const filename = `plume-${dataset}-${query.from}-${query.to}.${format}`;
  return withTenant(container.db, auth.organizationId, (tx) =>
    sendStreamed(container.media, {
      contentType: EXPORT_CONTENT_TYPES[format],
      filename,
      chunks: exportChunks(exportRows(tx, auth.organizationId, query), dataset, format),
      storeKey: `exports/analytics/${auth.organizationId}/${requestId}/${filename}`,
    }),
  );
};
