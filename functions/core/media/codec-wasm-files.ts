// Kept apart from image-codecs.ts so the CDK app can list the files without loading the codecs.

/** The WebAssembly files, as package paths (Node 20+ always has SIMD, so the SIMD WebP encoder). */
export const WASM = {
  png: '@jsquash/png/codec/pkg/squoosh_png_bg.wasm',
  jpegDecoder: '@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm',
  jpegEncoder: '@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm',
  webpDecoder: '@jsquash/webp/codec/dec/webp_dec.wasm',
  webpEncoder: '@jsquash/webp/codec/enc/webp_enc_simd.wasm',
  resize: '@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm',
} as const;

/** Every .wasm file the codecs need; a Lambda bundle copies these into `wasm/` beside itself. */
export const IMAGE_CODEC_WASM_FILES: readonly string[] = Object.values(WASM);
