import decodeJpeg, { init as initJpegDecoder } from '@jsquash/jpeg/decode.js';
import encodeJpeg, { init as initJpegEncoder } from '@jsquash/jpeg/encode.js';
import decodePng, { init as initPng } from '@jsquash/png/decode.js';
import resizeImage, { initResize } from '@jsquash/resize';
import decodeWebp, { init as initWebpDecoder } from '@jsquash/webp/decode.js';
import encodeWebp, { init as initWebpEncoder } from '@jsquash/webp/encode.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGE_CODEC_WASM_FILES, WASM } from './codec-wasm-files';
import type { DecodableImageType } from './optimizable';

/** Raw RGBA pixels (the shape of the browser's ImageData, which Node lacks). */
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export type EncodedFormat = 'jpeg' | 'webp';

// jsquash's codecs build their results with `new ImageData(...)`; give Node the same shape.
const globals = globalThis as { ImageData?: unknown };
globals.ImageData ??= class ImageData implements RgbaImage {
  constructor(
    readonly data: Uint8ClampedArray,
    readonly width: number,
    readonly height: number,
  ) {}
};

export { IMAGE_CODEC_WASM_FILES };

const requireFromHere = createRequire(import.meta.url);

// The project compiles without the DOM library, whose declarations hold WebAssembly's values.
const wasmRuntime = (
  globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } }
).WebAssembly;

/**
 * The jsquash codecs fetch their .wasm by URL, which Node cannot do; compile the bytes here.
 * A bundle (no node_modules) carries them in `wasm/` next to itself; otherwise they are
 * resolved from the installed packages.
 */
async function compileWasm(specifier: string): Promise<WebAssembly.Module> {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'wasm', basename(specifier));
  const bytes = await readFile(beside).catch(() => readFile(requireFromHere.resolve(specifier)));
  return wasmRuntime.compile(bytes);
}

let ready: Promise<void> | undefined;

/** Compiles and instantiates the codecs once per process (about 100 ms). */
export function initImageCodecs(): Promise<void> {
  ready ??= (async () => {
    const [png, jpegDecoder, jpegEncoder, webpDecoder, webpEncoder, resize] = await Promise.all(
      Object.values(WASM).map(compileWasm),
    );
    await Promise.all([
      initPng(png),
      initJpegDecoder(jpegDecoder!),
      initJpegEncoder(jpegEncoder!),
      initWebpDecoder(webpDecoder!),
      initWebpEncoder(webpEncoder!),
      initResize(resize),
    ]);
  })().catch((error: unknown) => {
    ready = undefined; // let a later call try again
    throw error;
  });
  return ready;
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export async function decodeImage(bytes: Uint8Array, mimeType: DecodableImageType): Promise<RgbaImage> {
  await initImageCodecs();
  const buffer = toArrayBuffer(bytes);
  const decoded: RgbaImage | null =
    mimeType === 'image/png'
      ? await decodePng(buffer)
      : mimeType === 'image/jpeg'
        ? await decodeJpeg(buffer)
        : await decodeWebp(buffer);
  if (!decoded) throw new Error(`Could not decode the ${mimeType} image`);
  return decoded;
}

export async function resizeTo(image: RgbaImage, width: number, height: number): Promise<RgbaImage> {
  if (image.width === width && image.height === height) return image;
  await initImageCodecs();
  return resizeImage(image as never, { width, height, method: 'lanczos3', fitMethod: 'stretch' });
}

/** JPEG through MozJPEG, WebP through libwebp; quality 0-100. */
export async function encodeImage(
  image: RgbaImage,
  format: EncodedFormat,
  quality: number,
): Promise<Uint8Array> {
  await initImageCodecs();
  const encoded =
    format === 'jpeg'
      ? await encodeJpeg(image as never, { quality, progressive: true })
      : await encodeWebp(image as never, { quality });
  return new Uint8Array(encoded);
}

/** A copy of the rectangle (x, y, width, height) of the image. */
export function cropImage(image: RgbaImage, x: number, y: number, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    const start = ((y + row) * image.width + x) * 4;
    data.set(image.data.subarray(start, start + width * 4), row * width * 4);
  }
  return { data, width, height };
}
