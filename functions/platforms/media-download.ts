import { PlatformError, type ConnectorContext, type MediaItem } from './connector';

/**
 * Reads a media file from Plume's own storage (`MediaItem.url`: a presigned S3 URL or the local
 * media URL) so a connector can push it to the network. Nothing has been posted yet, so every
 * failure here is safe to retry except a file that is gone or forbidden.
 */
export async function downloadMedia(
  context: ConnectorContext,
  item: MediaItem,
  networkName: string,
): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await context.fetch(item.url, { signal: AbortSignal.timeout(context.timeoutMs ?? 60_000) });
  } catch (error) {
    throw new PlatformError(
      'transient',
      `${networkName}: could not read media ${item.id}: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'permanent';
    throw new PlatformError(
      kind,
      `${networkName}: could not read media ${item.id} (HTTP ${response.status})`,
      {
        status: response.status,
      },
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}
