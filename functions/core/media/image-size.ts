export interface ImageSize {
  width: number;
  height: number;
  /** The format the bytes are in, whatever the upload claimed. */
  mimeType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
}

/**
 * Reads width and height from an image's header without decoding it (PNG, JPEG, GIF, WebP).
 * Undefined for other formats or malformed headers: dimensions are a convenience, so a file
 * this cannot read is still stored, just without them.
 */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (offset: number, length: number): string =>
    offset + length <= bytes.length ? String.fromCharCode(...bytes.subarray(offset, offset + length)) : '';
  try {
    if (ascii(1, 3) === 'PNG' && ascii(12, 4) === 'IHDR') {
      return sized(view.getUint32(16), view.getUint32(20), 'image/png');
    }
    if (ascii(0, 4) === 'GIF8') return sized(view.getUint16(6, true), view.getUint16(8, true), 'image/gif');
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(view);
    if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return webpSize(view, ascii(12, 4));
  } catch {
    // A header cut short reads past the end: treat it as unreadable.
  }
  return undefined;
}

function sized(width: number, height: number, mimeType: ImageSize['mimeType']): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height, mimeType } : undefined;
}

/** Walks the JPEG markers to the first start-of-frame (SOF0-SOF15 except DHT, JPG, DAC). */
function jpegSize(view: DataView): ImageSize | undefined {
  let offset = 2;
  while (offset + 9 < view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return undefined;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return sized(view.getUint16(offset + 7), view.getUint16(offset + 5), 'image/jpeg');
    }
    if (length < 2) return undefined;
    offset += 2 + length;
  }
  return undefined;
}

function webpSize(view: DataView, chunk: string): ImageSize | undefined {
  if (chunk === 'VP8 ') {
    return sized(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff, 'image/webp');
  }
  if (chunk === 'VP8L') {
    const bits = view.getUint32(21, true);
    return sized((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1, 'image/webp');
  }
  if (chunk === 'VP8X') {
    const uint24 = (o: number) =>
      view.getUint8(o) | (view.getUint8(o + 1) << 8) | (view.getUint8(o + 2) << 16);
    return sized(uint24(24) + 1, uint24(27) + 1, 'image/webp');
  }
  return undefined;
}
