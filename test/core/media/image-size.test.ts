import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readImageSize } from '../../../functions/core/media/image-size';
import { gifHeader, makeJpeg, makePng, makeWebp } from './images';

describe('readImageSize', () => {
  it('reads PNG, JPEG, WebP and GIF headers', async () => {
    expect(readImageSize(await makePng(31, 17))).toEqual({ width: 31, height: 17, mimeType: 'image/png' });
    expect(readImageSize(await makeJpeg(640, 481))).toEqual({
      width: 640,
      height: 481,
      mimeType: 'image/jpeg',
    });
    expect(readImageSize(await makeWebp(99, 100))).toEqual({
      width: 99,
      height: 100,
      mimeType: 'image/webp',
    });
    expect(readImageSize(gifHeader(500, 2))).toEqual({ width: 500, height: 2, mimeType: 'image/gif' });
  });

  it('answers undefined for other formats and for headers cut short', async () => {
    expect(readImageSize(new TextEncoder().encode('%PDF-1.7 not an image'))).toBeUndefined();
    expect(readImageSize(new Uint8Array())).toBeUndefined();
    const jpeg = await makeJpeg(64, 64);
    expect(readImageSize(jpeg.subarray(0, 40))).toBeUndefined();
    const png = await makePng(8, 8);
    expect(readImageSize(png.subarray(0, 20))).toBeUndefined();
  });

  it('never throws on arbitrary bytes, with or without a known signature', () => {
    const signatures = [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8],
      [0x47, 0x49, 0x46, 0x38],
      [],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 64 }), (prefix, rest) => {
        const result = readImageSize(new Uint8Array([...prefix, ...rest]));
        if (result) expect(result.width).toBeGreaterThan(0);
      }),
    );
  });
});
