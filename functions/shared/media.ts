/**
 * Image types Plume can decode and re-encode ("optimize"): the dashboard offers the action only
 * for these, and the API and the job accept only these. Browser-safe.
 */
export const DECODABLE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type DecodableImageType = (typeof DECODABLE_IMAGE_TYPES)[number];
