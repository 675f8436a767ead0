import * as z from 'zod';
import { PlatformError, type AccountCredentials, type MediaItem, type PlatformLimits } from '../connector';
import { platformRequest } from '../platform-http';
import { blueskyError } from './errors';
import { BLUESKY_LIMITS } from '../../shared/platforms/bluesky/limits';
import { blobRef, downloadMedia, uploadBlob, type BlobRef } from './media';
import type { BlueskyRuntime } from './runtime';
import { didWebOf } from './service-url';
import { readBody, xrpc, xrpcUrl } from './xrpc';

/** Delay before each job-status poll: quick at first, then every 5 s. */
const POLL_DELAYS_MS = [1000, 1000, 2000, 3000, 5000];

const jobStatus = z.object({
  jobId: z.string().min(1),
  state: z.string().optional(),
  progress: z.number().optional(),
  blob: blobRef.optional(),
  error: z.string().optional(),
  failureCode: z.string().optional(),
  message: z.string().optional(),
});
type JobStatus = z.infer<typeof jobStatus>;

const uploadLimits = z.object({
  canUpload: z.boolean(),
  remainingDailyVideos: z.number().optional(),
  remainingDailyBytes: z.number().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});
type UploadLimits = z.infer<typeof uploadLimits>;

/** The lexicon wraps the status in `jobStatus`; the live service answers uploads with it bare. */
function asJobStatus(body: unknown): JobStatus | undefined {
  const wrapped = (body as { jobStatus?: unknown } | undefined)?.jobStatus;
  const parsed = jobStatus.safeParse(wrapped ?? body);
  return parsed.success ? parsed.data : undefined;
}

/**
 * `com.atproto.server.getServiceAuth`: a short-lived token the account's PDS signs so another
 * service may act for the account, bound to one audience and one method
 * (https://docs.bsky.app/docs/advanced-guides/service-auth).
 */
async function serviceAuth(
  runtime: BlueskyRuntime,
  pds: string,
  accessToken: string,
  input: { aud: string; lxm: string; expiresInSeconds: number },
): Promise<string> {
  const exp = Math.floor(runtime.context.clock.now().getTime() / 1000) + input.expiresInSeconds;
  const response = await xrpc(runtime, {
    method: 'GET',
    base: pds,
    nsid: 'com.atproto.server.getServiceAuth',
    params: { aud: input.aud, lxm: input.lxm, exp: String(exp) },
    token: accessToken,
    action: 'authorise the video upload',
  });
  return readBody(z.object({ token: z.string().min(1) }), response, 'authorise the video upload').token;
}

/** `app.bsky.video.getUploadLimits`: the account's remaining daily video allowance. */
export async function readVideoUploadLimits(
  runtime: BlueskyRuntime,
  pds: string,
  accessToken: string,
): Promise<UploadLimits> {
  const video = runtime.endpoints.video;
  const token = await serviceAuth(runtime, pds, accessToken, {
    aud: didWebOf(video),
    lxm: 'app.bsky.video.getUploadLimits',
    expiresInSeconds: 60,
  });
  const response = await xrpc(runtime, {
    method: 'GET',
    base: video,
    nsid: 'app.bsky.video.getUploadLimits',
    token,
    action: 'read the video upload limits',
  });
  return readBody(uploadLimits, response, 'read the video upload limits');
}

/** Run-time limits for `Connector.readLimits`: no video when the service says no, fewer bytes when little is left. */
export function limitsFromUploadLimits(limits: UploadLimits): Partial<PlatformLimits> {
  if (!limits.canUpload || limits.remainingDailyVideos === 0) return { maxVideos: 0 };
  if (limits.remainingDailyBytes === undefined) return {};
  return { maxVideoBytes: Math.min(BLUESKY_LIMITS.maxVideoBytes, limits.remainingDailyBytes) };
}

function refuseUpload(limits: UploadLimits, bytes: number): void {
  const dailyAllowanceUsed =
    limits.remainingDailyVideos === 0 ||
    (limits.remainingDailyBytes !== undefined && limits.remainingDailyBytes < bytes);
  if (limits.canUpload && !dailyAllowanceUsed) return;
  const reason = limits.message ?? limits.error ?? 'the account may not upload videos now';
  if (dailyAllowanceUsed) {
    // The allowance is per day; Bluesky does not say when it renews, so try again in an hour.
    throw new PlatformError('rate_limited', `Bluesky's daily video allowance is used up: ${reason}`, {
      platformCode: limits.error ?? 'VideoUploadLimit',
      retryAfterSeconds: 3600,
    });
  }
  // Typically an unverified email address: the user must act.
  throw new PlatformError('permanent', `Bluesky refused the video upload: ${reason}`, {
    platformCode: limits.error ?? 'VideoUploadRefused',
  });
}

function uploadFileName(item: MediaItem): string {
  const extension = {
    'video/mp4': 'mp4',
    'video/mpeg': 'mpeg',
    'video/webm': 'webm',
    'video/quicktime': 'mov',
    'image/gif': 'gif',
  }[item.mimeType.toLowerCase()];
  return `${item.id}.${extension ?? 'mp4'}`;
}

/** Sends the file to `app.bsky.video.uploadVideo`; the answer carries the processing job. */
async function startJob(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  pds: string,
  item: MediaItem,
  bytes: Blob,
): Promise<JobStatus> {
  // The video service stores the result on the PDS with this token, so it outlives the upload.
  const token = await serviceAuth(runtime, pds, credentials.accessToken, {
    aud: didWebOf(pds),
    lxm: 'com.atproto.repo.uploadBlob',
    expiresInSeconds: 30 * 60,
  });
  const action = `upload video ${item.id}`;
  const response = await platformRequest(runtime.context, 'bluesky', {
    method: 'POST',
    url: xrpcUrl(runtime.endpoints.video, 'app.bsky.video.uploadVideo', {
      did: credentials.accountId,
      name: uploadFileName(item),
    }),
    headers: { authorization: `Bearer ${token}`, 'content-type': item.mimeType },
    body: bytes,
    timeoutMs: runtime.uploadTimeoutMs,
  });
  // A video the service already processed comes back (409 "already_exists") with its job or blob.
  const status = asJobStatus(response.body);
  if (status) return status;
  if (response.status >= 200 && response.status <= 299) {
    throw new PlatformError(
      'transient',
      `Bluesky could not ${action}: the video service's answer was not understood`,
    );
  }
  throw blueskyError(response, action, runtime.context.clock.now());
}

async function waitForBlob(runtime: BlueskyRuntime, item: MediaItem, first: JobStatus): Promise<BlobRef> {
  let status = first;
  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    // A blob means done, even on a "failed" job whose error is already_exists.
    if (status.blob) return status.blob;
    if (status.state === 'JOB_STATE_FAILED') {
      throw new PlatformError(
        'permanent',
        `Bluesky could not process video ${item.id}: ${status.message ?? status.error ?? 'processing failed'}`,
        { platformCode: status.failureCode ?? status.error },
      );
    }
    const delay = POLL_DELAYS_MS[Math.min(attempt, POLL_DELAYS_MS.length - 1)] ?? 5000;
    if (waited + delay > runtime.videoProcessingTimeoutMs) {
      throw new PlatformError('transient', `Bluesky is still processing video ${item.id}; try again later`);
    }
    await runtime.sleep(delay);
    waited += delay;
    const action = `check video ${item.id}`;
    const response = await platformRequest(runtime.context, 'bluesky', {
      method: 'GET',
      url: xrpcUrl(runtime.endpoints.video, 'app.bsky.video.getJobStatus', { jobId: status.jobId }),
    });
    const next = asJobStatus(response.body);
    if (!next) {
      if (response.status >= 200 && response.status <= 299) {
        throw new PlatformError(
          'transient',
          `Bluesky could not ${action}: the video service's answer was not understood`,
        );
      }
      throw blueskyError(response, action, runtime.context.clock.now());
    }
    status = next;
  }
}

/**
 * Uploads a video (or GIF) and returns the blob to embed. Through the video service
 * (https://docs.bsky.app/docs/tutorials/video): check the daily allowance, get a service-auth
 * token for the PDS, POST the bytes to `uploadVideo`, poll `getJobStatus` until the service
 * has stored the transcoded file on the PDS. Or, with `videoUpload: 'direct'`, `uploadBlob`.
 */
export async function uploadVideo(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
  pds: string,
  item: MediaItem,
): Promise<BlobRef> {
  if (runtime.videoUpload === 'direct') {
    if (item.mimeType.toLowerCase() !== 'video/mp4') {
      throw new PlatformError(
        'permanent',
        `Bluesky: this server takes MP4 videos only, not ${item.mimeType}`,
      );
    }
    const bytes = await downloadMedia(runtime.context, item);
    return uploadBlob(runtime, pds, credentials.accessToken, item, bytes);
  }
  refuseUpload(await readVideoUploadLimits(runtime, pds, credentials.accessToken), item.bytes);
  const bytes = await downloadMedia(runtime.context, item);
  const job = await startJob(runtime, credentials, pds, item, bytes);
  return waitForBlob(runtime, item, job);
}
