import encodePng from '@jsquash/png/encode.js';
import omggif from 'omggif';
import { encodeImage, initImageCodecs, type RgbaImage } from '../../../functions/core/media/image-codecs';
const { GifWriter } = omggif;

/** A gradient with a red left third, so crops and scales are visible in the pixels. */
export function gradient(width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      data[i] = x < width / 3 ? 255 : 0;
      data[i + 1] = Math.floor((255 * y) / height);
      data[i + 2] = Math.floor((255 * x) / width);
      data[i + 3] = 255;
    }
  }
  return { data, width, height };
}

/** A real PNG file of that size, made with the same WebAssembly codec the server uses. */
export async function makePng(width: number, height: number): Promise<Uint8Array> {
  await initImageCodecs();
  return new Uint8Array(await encodePng(gradient(width, height) as never));
}

export async function makeJpeg(width: number, height: number): Promise<Uint8Array> {
  return encodeImage(gradient(width, height), 'jpeg', 80);
}

export async function makeWebp(width: number, height: number): Promise<Uint8Array> {
  return encodeImage(gradient(width, height), 'webp', 80);
}

/** A minimal GIF89a header (logical screen only): enough for a size reader. */
export function gifHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(13);
  bytes.set([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]);
  new DataView(bytes.buffer).setUint16(6, width, true);
  new DataView(bytes.buffer).setUint16(8, height, true);
  return bytes;
}

/** A real two-frame GIF (omggif's writer): a 4-colour palette, stripes that move. */
export function makeGif(width: number, height: number): Uint8Array {
  const buffer = new Uint8Array(1024 + width * height * 4);
  const writer = new GifWriter(buffer, width, height, {
    loop: 0,
    palette: [0xff0000, 0x00ff00, 0x0000ff, 0xffffff],
  });
  for (let frame = 0; frame < 2; frame += 1) {
    const pixels = Array.from({ length: width * height }, (_, i) => ((i % width) + frame) % 4);
    writer.addFrame(0, 0, width, height, pixels, { delay: 10 });
  }
  return buffer.slice(0, writer.end());
}
