import { describe, expect, it } from 'vitest';
import { describeVariant, formatLabel, sortedVariants } from '../../../web/src/pages/media/variants';

const variant = (mimeType: string) => ({ mimeType, sizeBytes: 1, url: 'u' });

describe('variants', () => {
  it('says which networks each rendition of the optimize job is for', () => {
    expect(describeVariant('instagram-square')).toMatchObject({
      label: 'Instagram square',
      networks: ['instagram'],
    });
    expect(describeVariant('feed-webp').networks).toEqual([
      'twitter',
      'bluesky',
      'mastodon',
      'facebook',
      'tiktok',
    ]);
    expect(describeVariant('feed-jpeg').networks).toContain('linkedin');
    expect(describeVariant('thumbnail').networks).toEqual([]);
  });

  it('names a rendition it does not know from its key', () => {
    expect(describeVariant('story_vertical')).toEqual({
      name: 'story_vertical',
      label: 'Story vertical',
      networks: [],
      purpose: '',
    });
  });

  it('labels formats', () => {
    expect(formatLabel('image/jpeg')).toBe('JPEG');
    expect(formatLabel('image/webp')).toBe('WebP');
    expect(formatLabel('image/avif')).toBe('AVIF');
  });

  it('lists known renditions in the job order, then the rest by name', () => {
    const names = sortedVariants({
      zeta: variant('image/png'),
      thumbnail: variant('image/webp'),
      'feed-jpeg': variant('image/jpeg'),
      alpha: variant('image/png'),
      'instagram-square': variant('image/jpeg'),
    }).map(([name]) => name);
    expect(names).toEqual(['feed-jpeg', 'instagram-square', 'thumbnail', 'alpha', 'zeta']);
  });
});
