import {
  cropImage,
  decodeImage,
  encodeImage,
  resizeTo,
  type EncodedFormat,
  type RgbaImage,
} from './image-codecs';
import type { DecodableImageType } from './optimizable';

/**
 * One rendition to make. `aspect` (width / height) crops around the centre first; the result
 * is then scaled so its longest side is at most `maxSide` (never enlarged).
 */
export interface VariantSpec {
  name: string;
  format: EncodedFormat;
  quality: number;
  maxSide: number;
  aspect?: number;
  purpose: string;
}

/**
 * The renditions "optimize" makes. 1080 px is the width Instagram, Threads and Facebook show
 * feed images at; Instagram takes JPEG only and crops feed images to 1:1 or 4:5
 * (`INSTAGRAM_ASPECT_RATIO` allows 4:5 to 1.91:1); WebP is smaller for every network that
 * accepts it (X, Bluesky, Mastodon, Facebook, TikTok photos).
 */
export const IMAGE_VARIANTS: readonly VariantSpec[] = [
  {
    name: 'feed-jpeg',
    format: 'jpeg',
    quality: 82,
    maxSide: 1080,
    purpose: 'Any network; Instagram and LinkedIn need JPEG',
  },
  {
    name: 'feed-webp',
    format: 'webp',
    quality: 80,
    maxSide: 1080,
    purpose: 'Smaller file where WebP is accepted',
  },
  {
    name: 'instagram-square',
    format: 'jpeg',
    quality: 82,
    maxSide: 1080,
    aspect: 1,
    purpose: 'Instagram 1:1 feed',
  },
  {
    name: 'instagram-portrait',
    format: 'jpeg',
    quality: 82,
    maxSide: 1350,
    aspect: 4 / 5,
    purpose: 'Instagram 4:5 feed',
  },
  { name: 'thumbnail', format: 'webp', quality: 70, maxSide: 320, purpose: 'Library and composer previews' },
];

export interface RenderedVariant {
  name: string;
  mimeType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** The largest centred rectangle of this aspect ratio inside the image. */
export function centreCrop(width: number, height: number, aspect: number) {
  const cropWidth = Math.min(width, Math.round(height * aspect));
  const cropHeight = Math.min(height, Math.round(cropWidth / aspect));
  return {
    x: Math.floor((width - cropWidth) / 2),
    y: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}

/** Scales (width, height) down so the longest side is at most maxSide; never up. */
export function fitWithin(width: number, height: number, maxSide: number) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

async function render(source: RgbaImage, spec: VariantSpec): Promise<RenderedVariant> {
  let image = source;
  if (spec.aspect !== undefined) {
    const area = centreCrop(image.width, image.height, spec.aspect);
    image = cropImage(image, area.x, area.y, area.width, area.height);
  }
  const size = fitWithin(image.width, image.height, spec.maxSide);
  image = await resizeTo(image, size.width, size.height);
  return {
    name: spec.name,
    mimeType: spec.format === 'jpeg' ? 'image/jpeg' : 'image/webp',
    width: image.width,
    height: image.height,
    bytes: await encodeImage(image, spec.format, spec.quality),
  };
}

/** Decodes the original once and renders every variant from it, one after another (memory). */
export async function renderImageVariants(
  bytes: Uint8Array,
  mimeType: DecodableImageType,
  specs: readonly VariantSpec[] = IMAGE_VARIANTS,
): Promise<{ source: { width: number; height: number }; variants: RenderedVariant[] }> {
  const source = await decodeImage(bytes, mimeType);
  const variants: RenderedVariant[] = [];
  for (const spec of specs) variants.push(await render(source, spec));
  return { source: { width: source.width, height: source.height }, variants };
}
