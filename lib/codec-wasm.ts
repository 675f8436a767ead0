import { IMAGE_CODEC_WASM_FILES } from '../functions/core/media/codec-wasm-files';

/**
 * Bundling commands that copy the image codecs' WebAssembly into `wasm/` beside the bundle,
 * where `image-codecs.ts` reads them (a Lambda bundle has no node_modules). Needed by every
 * function that decodes images: the media API (complete checks an upload decodes) and the
 * background worker (optimize renders variants).
 */
export function copyCodecWasm(inputDir: string, outputDir: string): string[] {
  return [
    `mkdir -p "${outputDir}/wasm"`,
    ...IMAGE_CODEC_WASM_FILES.map((file) => `cp "${inputDir}/node_modules/${file}" "${outputDir}/wasm/"`),
  ];
}

/** Route-table areas whose handlers decode images. */
export const AREAS_THAT_DECODE_IMAGES: readonly string[] = ['media'];
