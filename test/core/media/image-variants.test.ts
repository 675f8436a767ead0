import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../functions/core/media/image-codecs';
import { readImageSize } from '../../../functions/core/media/image-size';
import { centreCrop, fitWithin, renderImageVariants } from '../../../functions/core/media/image-variants';
import { makePng } from './images';

describe('variant geometry', () => {
  it('crops the largest centred rectangle of the aspect ratio', () => {
    expect(centreCrop(1600, 900, 1)).toEqual({ x: 350, y: 0, width: 900, height: 900 });
    expect(centreCrop(1600, 900, 4 / 5)).toEqual({ x: 440, y: 0, width: 720, height: 900 });
    expect(centreCrop(600, 1000, 1)).toEqual({ x: 0, y: 200, width: 600, height: 600 });
  });

  it('scales down to the longest side and never up', () => {
    expect(fitWithin(1600, 900, 1080)).toEqual({ width: 1080, height: 608 });
    expect(fitWithin(300, 200, 1080)).toEqual({ width: 300, height: 200 });
    expect(fitWithin(5000, 1, 320)).toEqual({ width: 320, height: 1 });
  });
});

describe('renderImageVariants', () => {
  it('makes JPEG and WebP feed sizes, Instagram crops and a thumbnail from a PNG', async () => {
    const { source, variants } = await renderImageVariants(await makePng(1600, 900), 'image/png');
    expect(source).toEqual({ width: 1600, height: 900 });
    const summary = variants.map((v) => ({
      name: v.name,
      mimeType: v.mimeType,
      width: v.width,
      height: v.height,
    }));
    expect(summary).toEqual([
      { name: 'feed-jpeg', mimeType: 'image/jpeg', width: 1080, height: 608 },
      { name: 'feed-webp', mimeType: 'image/webp', width: 1080, height: 608 },
      { name: 'instagram-square', mimeType: 'image/jpeg', width: 900, height: 900 },
      { name: 'instagram-portrait', mimeType: 'image/jpeg', width: 720, height: 900 },
      { name: 'thumbnail', mimeType: 'image/webp', width: 320, height: 180 },
    ]);
    // The bytes are real files of the stated format and size.
    for (const variant of variants) {
      expect(readImageSize(variant.bytes)).toEqual({
        width: variant.width,
        height: variant.height,
        mimeType: variant.mimeType,
      });
    }
    // The square crop is centred: its left edge is past the red left third of the original.
    const square = await decodeImage(variants[2]!.bytes, 'image/jpeg');
    const leftEdgeRed = square.data[(450 * square.width + 0) * 4]!;
    expect(leftEdgeRed).toBeGreaterThan(200); // x=350 of 1600 is still inside the red third (< 533)
    const rightEdgeRed = square.data[(450 * square.width + square.width - 1) * 4]!;
    expect(rightEdgeRed).toBeLessThan(60);
  });

  it('refuses bytes that are not the stated format', async () => {
    await expect(renderImageVariants(new TextEncoder().encode('not a png'), 'image/png')).rejects.toThrow();
  });
});
