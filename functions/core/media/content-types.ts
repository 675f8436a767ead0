/**
 * The media types Plume accepts only after checking the bytes themselves: images it decodes,
 * videos whose container header it parses (ISO base media: MP4, MOV, M4V), and the two video
 * containers it recognises by their signature alone (WebM, MPEG). A type a network takes but
 * Plume cannot check (HEIC, HEIF, AVIF, BMP, TIFF) is refused with words saying so, never
 * accepted on the browser's word.
 */
export const DECODED_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const ISO_BMFF_VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/x-m4v'] as const;
export const SIGNATURE_ONLY_VIDEO_TYPES = ['video/webm', 'video/mpeg'] as const;

export type DecodedImageType = (typeof DECODED_IMAGE_TYPES)[number];
export type IsoBmffVideoType = (typeof ISO_BMFF_VIDEO_TYPES)[number];

export const CONTENT_CHECKED_TYPES: readonly string[] = [
  ...DECODED_IMAGE_TYPES,
  ...ISO_BMFF_VIDEO_TYPES,
  ...SIGNATURE_ONLY_VIDEO_TYPES,
];

const NAMES: Readonly<Record<string, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/avif': 'AVIF',
  'image/bmp': 'BMP',
  'image/tiff': 'TIFF',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
  'video/x-m4v': 'M4V',
  'video/webm': 'WebM',
  'video/mpeg': 'MPEG',
};

/** "a PNG image", "an MP4 video", "a PDF document (application/pdf)" for a person to read. */
export function describeType(mimeType: string): string {
  const name = NAMES[mimeType];
  if (!name) return `a file of type ${mimeType}`;
  const noun = mimeType.startsWith('video/') ? 'video' : 'image';
  return `${/^[AEIMO]/.test(name) ? 'an' : 'a'} ${name} ${noun}`;
}

/** "JPEG, PNG, WebP and GIF images and MP4, MOV, M4V, WebM and MPEG videos". */
export function checkedTypesSentence(): string {
  const list = (types: readonly string[]) => {
    const names = types.map((type) => NAMES[type] ?? type);
    return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  };
  return `${list(DECODED_IMAGE_TYPES)} images and ${list([...ISO_BMFF_VIDEO_TYPES, ...SIGNATURE_ONLY_VIDEO_TYPES])} videos`;
}
