import * as z from 'zod';
import { PlatformError, type ConnectorContext, type MediaItem } from '../connector';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

/** A blob reference as `com.atproto.repo.uploadBlob` returns it and records embed it. */
export const blobRef = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string().min(1) }),
  mimeType: z.string(),
  size: z.number(),
});
export type BlobRef = z.infer<typeof blobRef>;

/**
 * Downloads a draft's media file from Plume's own storage (a presigned S3 URL or the local
 * media URL). A file that is gone is a permanent failure; a storage hiccup is retried.
 */
export async function downloadMedia(context: ConnectorContext, item: MediaItem): Promise<Blob> {
  const failed = (kind: 'transient' | 'permanent', reason: string, status?: number) =>
    new PlatformError(kind, `Could not download attachment ${item.id}: ${reason}`, { status });
  let response: Response;
  try {
    response = await context.fetch(item.url, { signal: AbortSignal.timeout(context.timeoutMs ?? 60_000) });
  } catch (error) {
    throw failed('transient', (error as Error).message);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'permanent';
    throw failed(kind, `HTTP ${response.status}`, response.status);
  }
  try {
    return new Blob([await response.arrayBuffer()], { type: item.mimeType });
  } catch (error) {
    throw failed('transient', (error as Error).message);
  }
}

/**
 * `com.atproto.repo.uploadBlob`: raw bytes with their MIME type. A blob no record references
 * is garbage-collected by the PDS, so retrying an upload cannot leave anything visible.
 */
export async function uploadBlob(
  runtime: BlueskyRuntime,
  pds: string,
  accessToken: string,
  item: MediaItem,
  bytes: Blob,
): Promise<BlobRef> {
  const action = `upload attachment ${item.id}`;
  const response = await xrpc(runtime, {
    method: 'POST',
    base: pds,
    nsid: 'com.atproto.repo.uploadBlob',
    token: accessToken,
    contentType: item.mimeType,
    body: bytes,
    timeoutMs: runtime.uploadTimeoutMs,
    action,
  });
  return readBody(z.object({ blob: blobRef }), response, action).blob;
}

/** Width and height when both are known: clients lay the post out before loading the file. */
export function aspectRatio(item: MediaItem): { width: number; height: number } | undefined {
  const { width, height } = item;
  if (!width || !height || width < 1 || height < 1) return undefined;
  return { width: Math.round(width), height: Math.round(height) };
}
