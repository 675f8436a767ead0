import { PlatformError, type MediaItem } from '../connector';
import { platformRequest } from '../platform-http';
import type { TikTokSettings } from './api';
import { tiktokError, type TikTokEnvelope } from './errors';
import { parseJsonKeepingBigIntegers } from './json';

/**
 * FILE_UPLOAD chunk rules (media transfer guide): chunks of 5 to 64 MB except the last, which
 * may reach 128 MB to take the trailing bytes; files under 5 MB go whole; at most 1,000 chunks;
 * `total_chunk_count` = floor(video_size / chunk_size).
 */
export const TIKTOK_MIN_CHUNK_BYTES = 5 * 1024 * 1024;
export const TIKTOK_MAX_CHUNK_BYTES = 64 * 1024 * 1024;
export const TIKTOK_MAX_CHUNKS = 1000;

export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/**
 * FILE_UPLOAD chunking (media transfer guide): a file up to `singleChunkMaxBytes` (64 MB at most)
 * goes whole; a larger one in `chunkSizeBytes` chunks (5 to 64 MB) where the count is
 * floor(size / chunk) and the last chunk takes the trailing bytes (under 128 MB).
 */
export function planChunks(
  videoSize: number,
  settings: Pick<TikTokSettings, 'singleChunkMaxBytes' | 'chunkSizeBytes'>,
): ChunkPlan {
  if (videoSize <= settings.singleChunkMaxBytes)
    return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  const totalChunkCount = Math.floor(videoSize / settings.chunkSizeBytes);
  if (totalChunkCount > TIKTOK_MAX_CHUNKS) {
    throw new PlatformError(
      'permanent',
      `TikTok: the video is too large to upload (${totalChunkCount} chunks; at most ${TIKTOK_MAX_CHUNKS})`,
    );
  }
  return { videoSize, chunkSize: settings.chunkSizeBytes, totalChunkCount };
}

/**
 * PUTs the chunks in order to the `upload_url` from init, each with its `Content-Range`. TikTok
 * answers 206 until the last chunk and 201 when the file is complete. The last chunk is the
 * point of no return: once it lands TikTok processes and publishes the post, so a timeout there
 * leaves the outcome unknown.
 */
export async function uploadChunks(
  settings: TikTokSettings,
  uploadUrl: string,
  item: MediaItem,
  bytes: Uint8Array,
  plan: ChunkPlan,
): Promise<void> {
  for (let index = 0; index < plan.totalChunkCount; index += 1) {
    const first = index * plan.chunkSize;
    const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
    const isLast = index === plan.totalChunkCount - 1;
    const response = await platformRequest<string>(settings.context, 'tiktok', {
      method: 'PUT',
      url: uploadUrl,
      headers: { 'content-type': item.mimeType, 'content-range': `bytes ${first}-${last}/${plan.videoSize}` },
      body: bytes.subarray(first, last + 1),
      creates: isLast,
      responseType: 'text',
    });
    if (response.status >= 200 && response.status < 300) continue;
    let envelope: TikTokEnvelope<unknown> | undefined;
    try {
      envelope = parseJsonKeepingBigIntegers(response.body ?? '') as TikTokEnvelope<unknown>;
    } catch {
      envelope = undefined;
    }
    throw tiktokError(
      response,
      envelope,
      `uploading video chunk ${index + 1} of ${plan.totalChunkCount}`,
      settings.context.clock.now(),
      {
        creates: isLast,
      },
    );
  }
}
