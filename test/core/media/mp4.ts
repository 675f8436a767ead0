/** Hand-built ISO base media boxes for the duration reader's tests. */
export function box(type: string, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(payload, 8);
  return out;
}

/** An `mvhd` payload of version 0 (32-bit times) or 1 (64-bit times). */
export function mvhd(version: 0 | 1, timescale: number, duration: number): Uint8Array {
  const payload = new Uint8Array(version === 1 ? 108 : 96);
  const view = new DataView(payload.buffer);
  view.setUint8(0, version);
  if (version === 1) {
    view.setUint32(20, timescale);
    view.setBigUint64(24, BigInt(duration));
  } else {
    view.setUint32(12, timescale);
    view.setUint32(16, duration);
  }
  return payload;
}

export const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(parts.flatMap((p) => [...p]));

/** A minimal MP4: `ftyp`, a `moov` with its movie header, and `mdat` filler. */
export function tinyMp4(durationMs: number, fill = 1024): Uint8Array {
  const ftyp = box('ftyp', new TextEncoder().encode('isom\0\0\0\0isomiso2mp41'));
  return concat(ftyp, box('moov', box('mvhd', mvhd(0, 1000, durationMs))), box('mdat', new Uint8Array(fill)));
}
