/**
 * Reads a video's duration from the movie header (`moov/mvhd`) of an MP4 / QuickTime file
 * (ISO/IEC 14496-12 section 8.2.2), without decoding. Undefined when there is no readable
 * header: WebM, MPEG and files whose `moov` is cut off.
 */
export function readMp4DurationMs(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const moov = findBox(view, 0, view.byteLength, 'moov');
    const mvhd = moov && findBox(view, moov.start, moov.end, 'mvhd');
    if (!mvhd) return undefined;
    const version = view.getUint8(mvhd.start);
    const timescale = view.getUint32(mvhd.start + (version === 1 ? 20 : 12));
    const duration =
      version === 1 ? Number(view.getBigUint64(mvhd.start + 24)) : view.getUint32(mvhd.start + 16);
    if (timescale === 0 || duration === 0xffffffff || !Number.isFinite(duration)) return undefined;
    return Math.round((duration * 1000) / timescale);
  } catch {
    return undefined; // a box claims more bytes than there are
  }
}

/** The payload range of the first box of this type among the boxes in [from, to). */
function findBox(
  view: DataView,
  from: number,
  to: number,
  type: string,
): { start: number; end: number } | undefined {
  let offset = from;
  while (offset + 8 <= to) {
    let size = view.getUint32(offset);
    const name = String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + offset + 4, 4));
    let header = 8;
    if (size === 1) {
      size = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (size === 0) {
      size = to - offset; // extends to the end
    }
    if (size < header || offset + size > to) return undefined;
    if (name === type) return { start: offset + header, end: offset + size };
    offset += size;
  }
  return undefined;
}
