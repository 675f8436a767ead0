import { fileTypeFromBuffer } from 'file-type';
import {
  checkedTypesSentence,
  DECODED_IMAGE_TYPES,
  describeType,
  ISO_BMFF_VIDEO_TYPES,
  type DecodedImageType,
  type IsoBmffVideoType,
} from './content-types';
import { checkImageDecodes, MAX_DECODED_PIXELS } from './image-decode-check';
import { readVideoHeader, type RangeRead } from './iso-bmff-header';
import { ALLOWED_MEDIA_TYPES, maxUploadBytes } from '../../shared/media-limits';

/** What the signature sniffer reads: file-type needs at most a few kilobytes of any format. */
export const SNIFF_BYTES = 64 * 1024;

export interface StoredContent {
  size: number;
  read: RangeRead;
}

/** What the bytes turned out to be. `mimeType` is the sniffed type, never the declared one. */
export interface MediaContent {
  mimeType: string;
  width?: number;
  height?: number;
  durationMs?: number;
  codec?: string;
}

export type ContentRefusalReason =
  'empty' | 'unrecognised' | 'not_media' | 'unchecked' | 'too_large' | 'damaged';

/** A refusal in words a person uses, with a stable reason for logs and audits. */
export interface ContentRefusal {
  reason: ContentRefusalReason;
  message: string;
  /** Technical detail for the audit log, never shown as the message. */
  detail?: string;
  /** The sniffed type, when the signature was recognised. */
  mimeType?: string;
}

const decodedImages: readonly string[] = DECODED_IMAGE_TYPES;
const isoVideos: readonly string[] = ISO_BMFF_VIDEO_TYPES;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Decides what a stored upload is from its content: the signature (magic bytes, read by
 * file-type), then a full decode of an image or a parse of a video container's header. The
 * file name and the browser's declared type play no part. Reads a bounded prefix of a
 * video, and a whole image only (images are 20 MB at most, 100 MB for a GIF).
 */
export async function inspectContent(object: StoredContent): Promise<MediaContent | ContentRefusal> {
  if (object.size === 0) return { reason: 'empty', message: 'The file is empty.' };
  const head = await object.read(0, Math.min(object.size, SNIFF_BYTES));
  const sniffed = await fileTypeFromBuffer(head);
  if (!sniffed) {
    return {
      reason: 'unrecognised',
      message:
        'This file is not an image or a video: Plume could not recognise its contents. A renamed file keeps what it really is; upload the photo or video itself.',
    };
  }
  const mimeType = sniffed.mime;
  if (!ALLOWED_MEDIA_TYPES.includes(mimeType)) {
    return {
      reason: 'not_media',
      mimeType,
      message: `This file is ${describeType(mimeType)} (.${sniffed.ext}), not an image or a video that a network takes.`,
    };
  }
  if (!decodedImages.includes(mimeType) && !mimeType.startsWith('video/')) {
    return {
      reason: 'unchecked',
      mimeType,
      message: `This file is ${describeType(mimeType)}, which Plume cannot check yet. Convert it to JPEG or PNG first; Plume takes ${checkedTypesSentence()}.`,
    };
  }
  const ceiling = maxUploadBytes(mimeType) ?? 0;
  if (object.size > ceiling) {
    return {
      reason: 'too_large',
      mimeType,
      message: `This file is ${describeType(mimeType)} of ${megabytes(object.size)}; no network takes one larger than ${megabytes(ceiling)}.`,
    };
  }
  if (decodedImages.includes(mimeType)) return inspectImage(object, mimeType as DecodedImageType);
  if (isoVideos.includes(mimeType)) return inspectVideo(object, mimeType as IsoBmffVideoType, head);
  // WebM and MPEG: recognised by their signature (EBML DocType "webm", an MPEG pack header);
  // Plume has no parser for their headers, so they carry no duration or dimensions.
  return { mimeType };
}

async function inspectImage(
  object: StoredContent,
  mimeType: DecodedImageType,
): Promise<MediaContent | ContentRefusal> {
  const bytes = await object.read(0, object.size);
  const check = await checkImageDecodes(bytes, mimeType);
  if (check.ok) return { mimeType, width: check.width, height: check.height };
  if (check.reason === 'too_many_pixels') {
    return {
      reason: 'too_large',
      mimeType,
      message: `This image is ${check.width} × ${check.height} pixels; Plume takes images of up to ${MAX_DECODED_PIXELS / 1_000_000} megapixels.`,
    };
  }
  return {
    reason: 'damaged',
    mimeType,
    detail: check.detail,
    message: `This file starts like ${describeType(mimeType)}, but its picture could not be read: it is damaged or not really an image.`,
  };
}

async function inspectVideo(
  object: StoredContent,
  mimeType: IsoBmffVideoType,
  head: Uint8Array,
): Promise<MediaContent | ContentRefusal> {
  const header = await readVideoHeader(object.size, object.read, head);
  if (header.ok) {
    const { ok: _ok, ...facts } = header;
    return { mimeType, ...facts };
  }
  const lead = `This file starts like ${describeType(mimeType)}`;
  return {
    reason: 'damaged',
    mimeType,
    detail: header.detail,
    message:
      header.reason === 'no_video_track'
        ? `${lead}, but it has no video track (sound only?). Networks need a video.`
        : `${lead}, but its header (length, size, tracks) could not be read: it is damaged or cut short.`,
  };
}

export function isRefusal(result: MediaContent | ContentRefusal): result is ContentRefusal {
  return 'reason' in result;
}
