import * as z from 'zod';
import { PlatformError, type MediaItem } from '../connector';
import { readBody, twitterCall, type TwitterRuntime } from './client';

const initialized = z.object({ data: z.object({ id: z.string().min(1) }) });

const processingInfo = z.object({
  state: z.enum(['pending', 'in_progress', 'succeeded', 'failed']),
  check_after_secs: z.number().optional(),
  progress_percent: z.number().optional(),
  error: z
    .object({ code: z.number().optional(), name: z.string().optional(), message: z.string().optional() })
    .optional(),
});

const finalized = z.object({
  data: z.object({ id: z.string(), processing_info: processingInfo.optional() }),
});
const status = z.object({ data: z.object({ processing_info: processingInfo.optional() }) });

function mediaCategory(item: MediaItem): string {
  if (item.kind === 'video') return 'tweet_video';
  if (item.kind === 'gif') return 'tweet_gif';
  return 'tweet_image';
}

/**
 * Streams the file from Plume's storage in fixed-size chunks, so a 512 MB video is never
 * held in memory at once. A file that is gone is a permanent failure.
 */
async function openMedia(
  runtime: TwitterRuntime,
  item: MediaItem,
): Promise<{ totalBytes: number; body: ReadableStream<Uint8Array> }> {
  let response: Response;
  try {
    response = await runtime.context.fetch(item.url, {
      signal: AbortSignal.timeout(runtime.context.timeoutMs ?? 60_000),
    });
  } catch (error) {
    throw new PlatformError(
      'transient',
      `Could not download attachment ${item.id}: ${(error as Error).message}`,
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    const kind = response.status >= 500 || response.status === 429 ? 'transient' : 'permanent';
    throw new PlatformError(kind, `Could not download attachment ${item.id}: HTTP ${response.status}`, {
      status: response.status,
    });
  }
  const declared = Number(response.headers.get('content-length'));
  return { totalBytes: declared > 0 ? declared : item.bytes, body: response.body };
}

async function* chunksOf(
  body: ReadableStream<Uint8Array>,
  size: number,
  item: MediaItem,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let buffer = new Uint8Array(size);
  let filled = 0;
  try {
    for (;;) {
      let read: Awaited<ReturnType<typeof reader.read>>;
      try {
        read = await reader.read();
      } catch (error) {
        throw new PlatformError(
          'transient',
          `Could not download attachment ${item.id}: ${(error as Error).message}`,
        );
      }
      if (read.done) break;
      let offset = 0;
      while (offset < read.value.length) {
        const count = Math.min(size - filled, read.value.length - offset);
        buffer.set(read.value.subarray(offset, offset + count), filled);
        filled += count;
        offset += count;
        if (filled === size) {
          yield buffer;
          buffer = new Uint8Array(size);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield buffer.subarray(0, filled);
  } finally {
    reader.releaseLock();
  }
}

/** Polls `GET /2/media/upload?command=STATUS` as `check_after_secs` asks until processing ends. */
async function waitForProcessing(
  runtime: TwitterRuntime,
  accessToken: string,
  mediaId: string,
  item: MediaItem,
  first: z.infer<typeof processingInfo>,
): Promise<void> {
  let info = first;
  let waited = 0;
  for (;;) {
    if (info.state === 'succeeded') return;
    if (info.state === 'failed') {
      const reason = info.error?.message ?? info.error?.name ?? 'processing failed';
      throw new PlatformError('permanent', `X could not process attachment ${item.id}: ${reason}`, {
        platformCode: info.error?.name,
      });
    }
    const delay = Math.max(1, info.check_after_secs ?? 5) * 1000;
    if (waited + delay > runtime.mediaProcessingTimeoutMs) {
      throw new PlatformError('transient', `X is still processing attachment ${item.id}; try again later`);
    }
    await runtime.sleep(delay);
    waited += delay;
    const response = await twitterCall(runtime, {
      method: 'GET',
      path: `/2/media/upload?command=STATUS&media_id=${encodeURIComponent(mediaId)}`,
      accessToken,
      action: `check attachment ${item.id}`,
    });
    // No processing_info any more means there is nothing left to wait for.
    info = readBody(status, response, `check attachment ${item.id}`).data.processing_info ?? {
      state: 'succeeded',
    };
  }
}

/**
 * The v2 chunked upload (https://docs.x.com/x-api/media/quickstart/media-upload-chunked):
 * `POST /2/media/upload/initialize`, one `POST /2/media/upload/{id}/append` per chunk with its
 * `segment_index`, `POST /2/media/upload/{id}/finalize`, then STATUS polling for video and GIF,
 * then the alt text with `POST /2/media/metadata`. Nothing here creates a post: an upload
 * left behind expires on its own, so every failure is safe to retry.
 */
export async function uploadTwitterMedia(
  runtime: TwitterRuntime,
  accessToken: string,
  item: MediaItem,
): Promise<string> {
  const { totalBytes, body } = await openMedia(runtime, item);
  const init = await twitterCall(runtime, {
    method: 'POST',
    path: '/2/media/upload/initialize',
    accessToken,
    body: { media_type: item.mimeType, total_bytes: totalBytes, media_category: mediaCategory(item) },
    action: `start uploading attachment ${item.id}`,
  });
  const mediaId = readBody(initialized, init, `start uploading attachment ${item.id}`).data.id;
  const path = `/2/media/upload/${encodeURIComponent(mediaId)}`;

  let segment = 0;
  let sent = 0;
  for await (const chunk of chunksOf(body, runtime.chunkBytes, item)) {
    const form = new FormData();
    form.append('segment_index', String(segment));
    form.append(
      'media',
      new Blob([chunk], { type: 'application/octet-stream' }),
      `${item.id}.part${segment}`,
    );
    await twitterCall(runtime, {
      method: 'POST',
      path: `${path}/append`,
      accessToken,
      body: form,
      action: `upload attachment ${item.id}`,
    });
    segment += 1;
    sent += chunk.length;
  }
  if (sent !== totalBytes) {
    throw new PlatformError(
      'transient',
      `Attachment ${item.id} was ${sent} bytes instead of the announced ${totalBytes}`,
    );
  }

  const final = await twitterCall(runtime, {
    method: 'POST',
    path: `${path}/finalize`,
    accessToken,
    action: `finish uploading attachment ${item.id}`,
  });
  const info = readBody(finalized, final, `finish uploading attachment ${item.id}`).data.processing_info;
  if (info) await waitForProcessing(runtime, accessToken, mediaId, item, info);

  if (item.altText && item.kind !== 'video') {
    await twitterCall(runtime, {
      method: 'POST',
      path: '/2/media/metadata',
      accessToken,
      body: { id: mediaId, metadata: { alt_text: { text: item.altText } } },
      action: `describe attachment ${item.id}`,
    });
  }
  return mediaId;
}
