import type { MediaItem, PlatformLimits, ValidationIssue } from '../types';
import { megabytes } from '../media-checks';

/**
 * Small pure builders for `validate.ts` of the Meta connectors. They only read the draft and
 * the limits and return issues; they never throw on odd input (fast-check asserts that).
 */
export function error(
  field: ValidationIssue['field'],
  code: string,
  message: string,
  extra: Pick<ValidationIssue, 'used' | 'limit'> = {},
): ValidationIssue {
  return { field, code, message, severity: 'error', ...extra };
}

export function warning(
  field: ValidationIssue['field'],
  code: string,
  message: string,
  extra: Pick<ValidationIssue, 'used' | 'limit'> = {},
): ValidationIssue {
  return { field, code, message, severity: 'warning', ...extra };
}

/** A length counter that always reports (so the dashboard can show "used / limit"). */
export function lengthIssue(
  field: ValidationIssue['field'],
  used: number,
  limit: number,
  network: string,
): ValidationIssue | undefined {
  if (used <= limit) return undefined;
  return error(field, 'text_too_long', `${network} allows ${limit} characters; this has ${used}.`, {
    used,
    limit,
  });
}

export function isVideo(media: MediaItem): boolean {
  return media.kind === 'video';
}

/** Count, size and mixing rules every Meta network applies to its media. */
export function mediaIssues(
  media: readonly MediaItem[],
  limits: PlatformLimits,
  network: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const videos = media.filter(isVideo).length;
  const images = media.length - videos;
  if (images > limits.maxImages) {
    issues.push(
      error('media', 'too_many_images', `${network} allows ${limits.maxImages} images per post.`, {
        used: images,
        limit: limits.maxImages,
      }),
    );
  }
  if (videos > limits.maxVideos) {
    issues.push(
      error('media', 'too_many_videos', `${network} allows ${limits.maxVideos} video(s) per post.`, {
        used: videos,
        limit: limits.maxVideos,
      }),
    );
  }
  if (!limits.mixedMedia && images > 0 && videos > 0) {
    issues.push(error('media', 'mixed_media', `${network} cannot combine images and a video in one post.`));
  }
  for (const item of media) {
    const limit = isVideo(item) ? limits.maxVideoBytes : limits.maxImageBytes;
    if (Number.isFinite(item.bytes) && item.bytes > limit) {
      issues.push(
        error(
          'media',
          'media_too_large',
          `${network} accepts files up to ${megabytes(limit)}; one is ${megabytes(item.bytes)}.`,
          {
            used: item.bytes,
            limit,
          },
        ),
      );
    }
  }
  return issues;
}

/** Checks each media item's MIME type against what the network accepts. */
export function formatIssues(
  media: readonly MediaItem[],
  accepted: { image: readonly string[]; video: readonly string[] },
  network: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const item of media) {
    const list = isVideo(item) ? accepted.video : accepted.image;
    const type = typeof item.mimeType === 'string' ? item.mimeType.toLowerCase() : '';
    if (!list.includes(type)) {
      issues.push(
        error(
          'media',
          'unsupported_format',
          `${network} does not accept ${type || 'this file type'}; use ${list.join(', ')}.`,
        ),
      );
    }
  }
  return issues;
}

/**
 * Instagram's and Threads' media rules: the carousel size first, then the count, size, mixing
 * and format rules. Past the carousel size, "too many images/videos" would only repeat the
 * same problem, so those two are left out then.
 */
export function carouselMediaIssues(
  media: readonly MediaItem[],
  limits: PlatformLimits,
  rules: {
    network: string;
    maxItems: number;
    /** "An Instagram carousel holds up to 10 items." */
    tooManyItems: string;
    formats: { image: readonly string[]; video: readonly string[] };
  },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const overfull = media.length > rules.maxItems;
  if (overfull) {
    issues.push(
      error('media', 'too_many_items', rules.tooManyItems, { used: media.length, limit: rules.maxItems }),
    );
  }
  const counted = mediaIssues(media, limits, rules.network).filter(
    (issue) => !overfull || !['too_many_images', 'too_many_videos'].includes(issue.code),
  );
  issues.push(...counted, ...formatIssues(media, rules.formats, rules.network));
  return issues;
}

/** A non-blank first comment: whether the account may add one, then its own text rules. */
export function firstCommentIssues(
  firstComment: unknown,
  limits: PlatformLimits,
  textIssues: (text: string) => ValidationIssue[],
): ValidationIssue[] {
  if (typeof firstComment !== 'string' || !firstComment.trim()) return [];
  const issues: ValidationIssue[] = [];
  if (!limits.supportsFirstComment) {
    issues.push(
      error('firstComment', 'first_comment_unsupported', 'This account cannot add a first comment.'),
    );
  }
  issues.push(...textIssues(firstComment));
  return issues;
}
