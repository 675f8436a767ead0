/**
 * Storage keys. Everything of one organization lives under its id (so an erasure or export can
 * list it), and everything of one file under the file's id (so deleting it is one prefix).
 * The user's file name never becomes part of a key: keys stay short, safe and unguessable.
 */
export function originalKey(organizationId: string, mediaId: string, extension: string): string {
  return `${organizationId}/media/${mediaId}/original${extension}`;
}

export function variantKey(
  organizationId: string,
  mediaId: string,
  variant: string,
  extension: string,
): string {
  return `${organizationId}/media/${mediaId}/variants/${variant}${extension}`;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'image/heif': '.heif',
  'image/avif': '.avif',
  'image/tiff': '.tiff',
  'image/bmp': '.bmp',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'video/webm': '.webm',
  'video/mpeg': '.mpeg',
  'video/x-m4v': '.m4v',
};

export function extensionFor(mimeType: string): string {
  return EXTENSIONS[mimeType] ?? '';
}
