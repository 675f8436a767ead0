/**
 * What "optimize" works on and the job message that carries it. Kept apart from the codecs so
 * the API's bundle names them without pulling in the WebAssembly image libraries.
 */
export const DECODABLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type DecodableImageType = (typeof DECODABLE_IMAGE_TYPES)[number];

export const OPTIMIZE_MEDIA_JOB = 'optimize-media';
