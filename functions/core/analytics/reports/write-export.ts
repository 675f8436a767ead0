import type { Database } from '../../../db/client';
import type { ReportFile } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { gatheredChunks } from '../../../shared/gathered-chunks';
import type { MediaStore } from '../../ports';
import { EXPORT_CONTENT_TYPES, exportChunks } from '../export-format';
import { exportRows } from '../export-rows';
import type { ExportParameters } from './request-export';

/**
 * Writes an export report's file: the rows from a cursor in one tenant transaction, to the
 * private store as they are produced (an S3 multipart upload in AWS), never held whole. It
 * goes under `exports/`, whose files the bucket deletes after EXPORT_FILE_DAYS; the key is the
 * report's, so a redelivered job overwrites the same object.
 */
export async function writeExportFile(
  deps: { db: Database; media: Pick<MediaStore, 'putStream'> },
  job: { organizationId: string; reportId: string },
  parameters: ExportParameters,
): Promise<ReportFile> {
  const [format] = parameters.formats;
  const key = `exports/analytics/${job.organizationId}/${job.reportId}/export-${parameters.dataset}.${format}`;
  const contentType = EXPORT_CONTENT_TYPES[format];
  const bytes = await withTenant(deps.db, job.organizationId, (tx) =>
    deps.media.putStream(
      key,
      gatheredChunks(exportChunks(exportRows(tx, job.organizationId, parameters), parameters.dataset, format)),
      contentType,
    ),
  );
  return { format, key, contentType, bytes };
}
