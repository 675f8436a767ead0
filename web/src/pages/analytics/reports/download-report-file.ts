import type { ApiClient } from '../../../api/client';
import { unwrap } from '../../../api/client';

/**
 * Downloads a report file. The files route wants the signed-in bearer token, which a plain link
 * cannot send, and answers with a redirect to a 5-minute link (presigned S3 GET in AWS, whose
 * CORS admits the dashboard; a signed local URL locally). The browser follows it (dropping the
 * token at the other origin) and the file is saved from memory (an export of a large range can
 * hold tens of megabytes for a moment; browsers take that).
 */
export async function downloadReportFile(
  api: ApiClient,
  report: { id: string; name: string },
  format: 'pdf' | 'csv' | 'json',
): Promise<void> {
  const blob = (await unwrap(
    api.GET('/analytics/reports/{id}/files/{format}', {
      params: { path: { id: report.id, format } },
      parseAs: 'blob',
    }),
  )) as unknown as Blob;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${report.name.replace(/[^\p{L}\p{N} _.-]+/gu, '-').trim() || 'report'}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the click's turn to start the download before the memory goes.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
