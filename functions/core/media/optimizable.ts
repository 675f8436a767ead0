/**
 * What "optimize" works on and the job message that carries it. Kept apart from the codecs so
 * the API's bundle names them without pulling in the WebAssembly image libraries.
 */
export { DECODABLE_IMAGE_TYPES, type DecodableImageType } from '../../shared/media';

export const OPTIMIZE_MEDIA_JOB = 'optimize-media';
