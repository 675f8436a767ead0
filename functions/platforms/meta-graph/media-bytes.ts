import { PlatformError, type ConnectorContext, type MediaItem, type Platform } from '../connector';

/**
 * The bytes of a media item, read from its `url` (presigned S3 or the local media URL)
 * through `context.fetch`. Failing to read our own file is retryable: nothing was posted yet.
 */
export async function fetchMediaBytes(
  context: ConnectorContext,
  platform: Platform,
  media: MediaItem,
  maxBytes: number,
): Promise<Blob> {
  let response: Response;
  try {
    response = await context.fetch(media.url, { signal: AbortSignal.timeout(context.timeoutMs ?? 30_000) });
  } catch (error) {
    throw new PlatformError(
      'transient',
      `${platform}: could not read media ${media.id} (${(error as Error).message})`,
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new PlatformError(
      'transient',
      `${platform}: could not read media ${media.id} (HTTP ${response.status})`,
      {
        status: response.status,
      },
    );
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new PlatformError('permanent', `${platform}: media ${media.id} is larger than ${maxBytes} bytes`);
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await response.arrayBuffer();
  } catch (error) {
    throw new PlatformError(
      'transient',
      `${platform}: reading media ${media.id} was cut off (${(error as Error).message})`,
    );
  }
  if (bytes.byteLength > maxBytes) {
    throw new PlatformError('permanent', `${platform}: media ${media.id} is larger than ${maxBytes} bytes`);
  }
  return new Blob([bytes], {
    type: media.mimeType || response.headers.get('content-type') || 'application/octet-stream',
  });
}
