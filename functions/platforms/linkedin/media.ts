import { PlatformError, type MediaItem } from '../connector';
import { linkedinCall, restHeaders, type LinkedInSettings } from './api';
import { downloadMedia } from '../media-download';

interface InitializeImageUploadResponse {
  value?: { uploadUrl?: string; image?: string; uploadUrlExpiresAt?: number };
}

interface UploadInstruction {
  uploadUrl: string;
  firstByte: number;
  lastByte: number;
}

interface InitializeVideoUploadResponse {
  value?: { video?: string; uploadToken?: string; uploadInstructions?: UploadInstruction[] };
}

interface VideoResponse {
  status?: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  processingFailureReason?: string;
}

function malformed(step: string): PlatformError {
  return new PlatformError('transient', `LinkedIn: unexpected answer to ${step}`);
}

/**
 * Images API: `initializeUpload` registers the image for its owner (the post's author), then the
 * bytes are PUT to the returned URL with the member's token.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 */
export async function uploadImage(
  settings: LinkedInSettings,
  accessToken: string,
  owner: string,
  item: MediaItem,
): Promise<string> {
  const bytes = await downloadMedia(settings.context, item, 'LinkedIn');
  const init = await linkedinCall<InitializeImageUploadResponse>(settings, 'registering an image', {
    method: 'POST',
    url: `${settings.apiBase}/rest/images?action=initializeUpload`,
    headers: restHeaders(settings, accessToken),
    body: { initializeUploadRequest: { owner } },
  });
  const { uploadUrl, image } = init.body?.value ?? {};
  if (!uploadUrl || !image) throw malformed('images initializeUpload');
  await linkedinCall(settings, 'uploading an image', {
    method: 'PUT',
    url: uploadUrl,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': item.mimeType },
    body: bytes,
  });
  return image;
}

/**
 * Videos API: `initializeUpload` with the file size returns one upload URL per part (4 MB
 * parts, byte ranges given by LinkedIn); each part's `etag` goes into `finalizeUpload`.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 */
export async function uploadVideo(
  settings: LinkedInSettings,
  accessToken: string,
  owner: string,
  item: MediaItem,
): Promise<string> {
  const bytes = await downloadMedia(settings.context, item, 'LinkedIn');
  const init = await linkedinCall<InitializeVideoUploadResponse>(settings, 'registering a video', {
    method: 'POST',
    url: `${settings.apiBase}/rest/videos?action=initializeUpload`,
    headers: restHeaders(settings, accessToken),
    body: {
      initializeUploadRequest: {
        owner,
        fileSizeBytes: bytes.byteLength,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    },
  });
  const { video, uploadToken, uploadInstructions } = init.body?.value ?? {};
  if (!video || !uploadInstructions?.length) throw malformed('videos initializeUpload');

  const partIds: string[] = [];
  for (const [index, part] of uploadInstructions.entries()) {
    const response = await linkedinCall(
      settings,
      `uploading video part ${index + 1} of ${uploadInstructions.length}`,
      {
        method: 'PUT',
        url: part.uploadUrl,
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/octet-stream' },
        body: bytes.subarray(part.firstByte, part.lastByte + 1),
      },
    );
    const etag = response.headers.get('etag');
    if (!etag) throw malformed(`video part ${index + 1} (no etag)`);
    partIds.push(etag);
  }

  await linkedinCall(settings, 'finalizing a video upload', {
    method: 'POST',
    url: `${settings.apiBase}/rest/videos?action=finalizeUpload`,
    headers: restHeaders(settings, accessToken),
    body: { finalizeUploadRequest: { video, uploadToken: uploadToken ?? '', uploadedPartIds: partIds } },
  });
  await waitForVideo(settings, accessToken, video);
  return video;
}

/**
 * Waits while LinkedIn processes the video so a failed transcode fails the publish before any
 * post exists. A video still processing after the budget is posted anyway: LinkedIn accepts a
 * post referencing it and shows the video once ready (large files take minutes).
 */
async function waitForVideo(settings: LinkedInSettings, accessToken: string, video: string): Promise<void> {
  for (let attempt = 0; attempt < settings.videoPollAttempts; attempt += 1) {
    const response = await linkedinCall<VideoResponse>(settings, 'checking video processing', {
      method: 'GET',
      url: `${settings.apiBase}/rest/videos/${encodeURIComponent(video)}`,
      headers: restHeaders(settings, accessToken),
    });
    const status = response.body?.status;
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') {
      const reason = response.body?.processingFailureReason;
      throw new PlatformError(
        'permanent',
        `LinkedIn could not process the video${reason ? `: ${reason}` : ''}`,
        {
          platformCode: 'PROCESSING_FAILED',
        },
      );
    }
    if (attempt + 1 < settings.videoPollAttempts) await settings.sleep(settings.videoPollIntervalMs);
  }
  settings.context.logger.warn('LinkedIn video still processing; posting it anyway', { video });
}
