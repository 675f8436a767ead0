import type { DecodedImageType } from './content-types';
import { readImageSize } from './image-size';

/**
 * The largest image Plume decodes: 64 megapixels, above every network's largest image
 * (X: 8192 x 8192 = 67 MP is the only one near it) and about 256 MB of RGBA pixels, which
 * the 1 GB media function holds once. Checked from the header, before anything is decoded,
 * so a small file that claims enormous dimensions (a "decompression bomb") costs nothing.
 */
export const MAX_DECODED_PIXELS = 64_000_000;

export type ImageCheck =
  | { ok: true; width: number; height: number }
  | { ok: false; reason: 'too_many_pixels'; width: number; height: number }
  | { ok: false; reason: 'damaged'; detail: string };

/**
 * Decodes the whole image (the first frame of a GIF) to prove the bytes are a picture of the
 * type they claim, not a renamed file that merely starts with the right signature.
 */
export async function checkImageDecodes(bytes: Uint8Array, mimeType: DecodedImageType): Promise<ImageCheck> {
  const header = readImageSize(bytes);
  if (!header || header.mimeType !== mimeType) {
    return { ok: false, reason: 'damaged', detail: 'no readable image header' };
  }
  if (header.width * header.height > MAX_DECODED_PIXELS) {
    return { ok: false, reason: 'too_many_pixels', width: header.width, height: header.height };
  }
  try {
    const decoded =
      mimeType === 'image/gif' ? await decodeGifFirstFrame(bytes) : await decodeRaster(bytes, mimeType);
    if (decoded.width !== header.width || decoded.height !== header.height) {
      return { ok: false, reason: 'damaged', detail: 'the decoded size differs from the header' };
    }
    return { ok: true, width: decoded.width, height: decoded.height };
  } catch (error) {
    return { ok: false, reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** PNG, JPEG and WebP through the same WebAssembly codecs that render the variants. */
async function decodeRaster(bytes: Uint8Array, mimeType: Exclude<DecodedImageType, 'image/gif'>) {
  // Loaded on first use: the codecs' code stays out of the cold start of every other request.
  const { decodeImage } = await import('./image-codecs');
  return decodeImage(bytes, mimeType);
}

/**
 * omggif reads every frame's structure when constructed and decodes one frame's LZW data on
 * demand; the first frame is what a network shows as the still, so that one is decoded.
 */
async function decodeGifFirstFrame(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const { GifReader } = (await import('omggif')).default;
  const reader = new GifReader(bytes);
  if (reader.numFrames() < 1) throw new Error('the GIF has no frames');
  reader.decodeAndBlitFrameRGBA(0, new Uint8Array(reader.width * reader.height * 4));
  return { width: reader.width, height: reader.height };
}
