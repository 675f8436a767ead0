import { PlatformError, type ConnectorContext, type MediaItem } from '../connector';

/**
 * Downloads a draft's media file from Plume's own storage (a presigned S3 URL or the local
 * media URL) so it can be uploaded to the network. A file that is gone is a permanent
 * failure; a storage hiccup is retried.
 */
export async function fetchMediaFile(context: ConnectorContext, item: MediaItem): Promise<Blob> {
  let response: Response;
  try {
    response = await context.fetch(item.url, { signal: AbortSignal.timeout(context.timeoutMs ?? 60_000) });
  } catch (error) {
    throw new PlatformError(
      'transient',
      `Could not download attachment ${item.id}: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'permanent';
    throw new PlatformError(kind, `Could not download attachment ${item.id}: HTTP ${response.status}`, {
      status: response.status,
    });
  }
  try {
    const bytes = await response.arrayBuffer();
    return new Blob([bytes], { type: item.mimeType });
  } catch (error) {
    throw new PlatformError(
      'transient',
      `Could not download attachment ${item.id}: ${(error as Error).message}`,
    );
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/x-m4v': 'm4v',
};

/** Servers sniff the type from the bytes, but some also check the file name's extension. */
export function uploadFileName(item: MediaItem): string {
  return `${item.id}.${EXTENSIONS[item.mimeType.toLowerCase()] ?? 'bin'}`;
}
