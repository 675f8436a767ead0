import { readFileSync } from 'node:fs';

/**
 * Real videos made by ffmpeg (Debian's), 64 x 48 (48 x 64 for the MOV), H.264, committed so the
 * tests need no encoder:
 *   ffmpeg -f lavfi -i testsrc=size=64x48:rate=10:duration=1.5 -c:v libx264 -pix_fmt yuv420p \
 *     -movflags +faststart clip-faststart.mp4        (and without +faststart: clip-moov-at-end.mp4)
 *   ffmpeg -f lavfi -i testsrc=size=48x64:rate=10:duration=2 -c:v libx264 -pix_fmt yuv420p -f mov clip.mov
 *   ffmpeg -f lavfi -i sine=frequency=440:duration=1 -c:a aac -b:a 32k -f mp4 sound-only.mp4
 *   ffmpeg -f lavfi -i testsrc=size=64x48:rate=10:duration=1 -c:v libvpx -b:v 50k clip.webm
 */
export function videoFixture(
  name: 'clip-faststart.mp4' | 'clip-moov-at-end.mp4' | 'clip.mov' | 'sound-only.mp4' | 'clip.webm',
): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

/** An ISO base media box: 32-bit size, four-character type, payload. */
export function box(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(payload, 8);
  return out;
}

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** The top-level boxes of a file, by type (first of each). */
export function topLevelBoxes(bytes: Uint8Array): Map<string, Uint8Array> {
  const boxes = new Map<string, Uint8Array>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 0; offset + 8 <= bytes.length;) {
    const size = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (!boxes.has(type)) boxes.set(type, bytes.subarray(offset, offset + size));
    offset += size;
  }
  return boxes;
}

/**
 * A stored object of `before` + an `mdat` of `mdatBytes` zeros (64-bit size) + `after`, whose
 * zeros are never allocated: reads are served from the parts, and every read is recorded, so a
 * test can show a multi-gigabyte video's header is found without reading its media.
 */
export function virtualVideo(before: Uint8Array, mdatBytes: number, after: Uint8Array) {
  const header = new Uint8Array(16);
  const view = new DataView(header.buffer);
  view.setUint32(0, 1); // size 1: the 64-bit size follows the type
  header.set(new TextEncoder().encode('mdat'), 4);
  view.setBigUint64(8, BigInt(16 + mdatBytes));
  const head = concat(before, header);
  const tailStart = head.length + mdatBytes;
  const size = tailStart + after.length;
  const reads: Array<[number, number]> = [];
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    reads.push([start, end]);
    const out = new Uint8Array(Math.max(0, Math.min(end, size) - start));
    for (let i = 0; i < out.length; i += 1) {
      const at = start + i;
      out[i] = at < head.length ? head[at]! : at >= tailStart ? after[at - tailStart]! : 0;
    }
    return out;
  };
  return {
    size,
    read,
    reads,
    bytesRead: () => reads.reduce((sum, [s, e]) => sum + (Math.min(e, size) - s), 0),
  };
}
