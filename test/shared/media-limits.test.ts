import { describe, expect, it } from 'vitest';
import {
  ALLOWED_MEDIA_TYPES,
  maxUploadBytes,
  mediaKind,
  networksAccepting,
} from '../../functions/shared/media-limits';
import { INSTAGRAM_LIMITS } from '../../functions/shared/platforms/instagram/limits';
import { TIKTOK_LIMITS } from '../../functions/shared/platforms/tiktok/limits';
import { LINKEDIN_LIMITS } from '../../functions/shared/platforms/linkedin/limits';

const MB = 1024 * 1024;

describe('media limits from the connectors', () => {
  it('allows what some network accepts and nothing else', () => {
    expect(ALLOWED_MEDIA_TYPES).toEqual(
      expect.arrayContaining(['image/jpeg', 'image/png', 'image/gif', 'video/mp4', 'video/quicktime']),
    );
    expect(ALLOWED_MEDIA_TYPES).not.toContain('application/pdf');
    expect(ALLOWED_MEDIA_TYPES).not.toContain('image/svg+xml');
    expect(maxUploadBytes('application/pdf')).toBeUndefined();
  });

  it('caps each type at the largest network maximum (at least 100 MB for video)', () => {
    expect(maxUploadBytes('image/jpeg')).toBe(TIKTOK_LIMITS.maxImageBytes);
    expect(maxUploadBytes('video/mp4')).toBe(LINKEDIN_LIMITS.maxVideoBytes);
    expect(maxUploadBytes('video/mp4')).toBeGreaterThanOrEqual(100 * MB);
    // Only Bluesky and Mastodon take MPEG video / x-m4v.
    expect(maxUploadBytes('video/mpeg')).toBe(100_000_000);
  });

  it('names the networks a file fits', () => {
    const sixMb = networksAccepting('image/jpeg', 6 * MB);
    expect(sixMb).toEqual(expect.arrayContaining(['instagram', 'linkedin', 'threads', 'tiktok', 'mastodon']));
    expect(sixMb).not.toContain('twitter'); // 5 MB
    expect(sixMb).not.toContain('bluesky'); // 1,000,000 bytes
    expect(sixMb).not.toContain('facebook'); // 4 MB
    expect(networksAccepting('image/png', 100_000)).not.toContain('instagram'); // JPEG only
    expect(networksAccepting('video/mp4', INSTAGRAM_LIMITS.maxVideoBytes + 1)).not.toContain('instagram');
    expect(networksAccepting('image/gif', 14 * MB)).toContain('twitter'); // GIFs: 15 MB on X
  });

  it('tells GIFs apart from images and videos', () => {
    expect(mediaKind('image/gif')).toBe('gif');
    expect(mediaKind('image/png')).toBe('image');
    expect(mediaKind('video/webm')).toBe('video');
  });
});
