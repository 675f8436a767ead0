import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMp4DurationMs } from '../../../functions/core/media/video-duration';
import { box, concat, mvhd } from './mp4';

describe('readMp4DurationMs', () => {
  it('reads the movie header wherever moov sits, in both header versions', () => {
    const ftyp = box('ftyp', new TextEncoder().encode('isom\0\0\0\0isomiso2mp41'));
    const mdat = box('mdat', new Uint8Array(1000));
    const moov = box('moov', concat(box('mvhd', mvhd(0, 600, 81_000))));
    expect(readMp4DurationMs(concat(ftyp, moov, mdat))).toBe(135_000);
    expect(readMp4DurationMs(concat(ftyp, mdat, moov))).toBe(135_000); // moov at the end
    const moov1 = box(
      'moov',
      concat(box('trak', new Uint8Array(16)), box('mvhd', mvhd(1, 90_000, 16_200_000))),
    );
    expect(readMp4DurationMs(concat(ftyp, moov1))).toBe(180_000);
  });

  it('answers undefined without a readable header', () => {
    const ftyp = box('ftyp', new Uint8Array(8));
    expect(readMp4DurationMs(ftyp)).toBeUndefined();
    const moov = box('moov', box('mvhd', mvhd(0, 600, 6000)));
    expect(readMp4DurationMs(concat(ftyp, moov).subarray(0, 30))).toBeUndefined();
    expect(readMp4DurationMs(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]))).toBeUndefined(); // WebM
    expect(readMp4DurationMs(box('moov', box('mvhd', mvhd(0, 0, 10))))).toBeUndefined();
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const ms = readMp4DurationMs(bytes);
        if (ms !== undefined) expect(ms).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
