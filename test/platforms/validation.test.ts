import { describe, expect, it } from 'vitest';
import type { MediaItem, Platform, PlatformLimits, PostDraft } from '../../functions/platforms/connector';
import { connectorFor } from '../../functions/platforms/registry';
import {
  limitsForAccount,
  measureText,
  validateForPlatform,
} from '../../functions/shared/platforms/rules';
import { PLATFORM_CATALOG } from '../../functions/shared/platforms/catalog';
import { PLATFORM_IDS } from '../../functions/platforms/connector';
import { captureLogger } from '../support/logger';

/**
 * functions/shared/platforms/rules.ts is what the dashboard's composer runs for its live
 * counters; these tests hold it to the networks' counting rules and to each connector's own
 * verdict, which is what the server says on save.
 */
const limits = (platform: Platform): PlatformLimits => PLATFORM_CATALOG[platform].limits;
const measure = (platform: Platform, text: string) => measureText(platform, text, limits(platform));

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, one grapheme
const URL = 'https://example.com/a/very/long/path/that/is/much/longer/than/twenty-three';

describe('measureText', () => {
  it('counts X text by weight: every URL as 23, CJK as 2, emoji as 2', () => {
    expect(measure('twitter', 'hello')).toBe(5);
    expect(measure('twitter', `see ${URL}`)).toBe(4 + 23);
    expect(measure('twitter', 'https://x.co')).toBe(23);
    expect(measure('twitter', '日本語')).toBe(6);
    expect(measure('twitter', 'a日b')).toBe(4);
    expect(measure('twitter', FAMILY)).toBe(2);
  });

  it('counts Bluesky and Sandbox text in graphemes, an emoji family being one', () => {
    for (const platform of ['bluesky', 'sandbox'] as const) {
      expect(measure(platform, FAMILY)).toBe(1);
      expect(measure(platform, `${FAMILY}${FAMILY} ok`)).toBe(5);
      expect(measure(platform, '🇫🇷')).toBe(1);
      expect(measure(platform, 'e\u0301')).toBe(1);
      // No URL shortening on these networks.
      expect(measure(platform, URL)).toBe(URL.length);
    }
  });

  it('counts Mastodon URLs as 23 and remote mentions by their local part', () => {
    expect(measure('mastodon', `read ${URL}`)).toBe(5 + 23);
    expect(measure('mastodon', 'hi @ada@example.social')).toBe('hi @ada'.length);
    expect(measure('mastodon', FAMILY)).toBe(1);
  });

  it('counts Threads emoji as their UTF-8 bytes and other text per code point', () => {
    expect(measure('threads', 'hello')).toBe(5);
    expect(measure('threads', '😀')).toBe(4);
    expect(measure('threads', FAMILY)).toBe(new TextEncoder().encode(FAMILY).length);
    expect(measure('threads', `a${FAMILY}b`)).toBe(27);
    expect(measure('threads', '日本')).toBe(2);
  });

  it('counts LinkedIn, Facebook, Instagram and TikTok text in UTF-16 units', () => {
    for (const platform of ['linkedin', 'facebook', 'instagram', 'tiktok'] as const) {
      expect(measure(platform, 'hello')).toBe(5);
      expect(measure(platform, '😀')).toBe(2);
      expect(measure(platform, FAMILY)).toBe(FAMILY.length);
      expect(measure(platform, URL)).toBe(URL.length);
    }
  });
});

describe('limitsForAccount', () => {
  it('returns the configured limits (a copy) without run-time values', () => {
    const mastodon = limitsForAccount('mastodon');
    expect(mastodon).toEqual(PLATFORM_CATALOG.mastodon.limits);
    expect(mastodon).not.toBe(PLATFORM_CATALOG.mastodon.limits);
    expect(limitsForAccount('mastodon', null)).toEqual(PLATFORM_CATALOG.mastodon.limits);
  });

  it('overlays what was read at run time and ignores null or undefined values', () => {
    const merged = limitsForAccount('mastodon', {
      maxTextLength: 5000,
      maxImages: undefined,
      maxVideoBytes: null as unknown as number,
    });
    expect(merged.maxTextLength).toBe(5000);
    expect(merged.maxImages).toBe(PLATFORM_CATALOG.mastodon.limits.maxImages);
    expect(merged.maxVideoBytes).toBe(PLATFORM_CATALOG.mastodon.limits.maxVideoBytes);
    // The defaults themselves are left alone.
    expect(PLATFORM_CATALOG.mastodon.limits.maxTextLength).toBe(500);
  });

  it('lets a run-time limit change the verdict', () => {
    const draft: PostDraft = { text: 'a'.repeat(600), media: [] };
    expect(validateForPlatform('mastodon', draft).some((i) => i.severity === 'error')).toBe(true);
    expect(validateForPlatform('mastodon', draft, { maxTextLength: 5000 })).toEqual([]);
  });
});

const context = {
  fetch: () => Promise.reject(new Error('validation must not call the network')),
  clock: { now: () => new Date('2026-06-01T12:00:00Z') },
  logger: captureLogger(),
};

const png = (id: string, bytes = 200_000): MediaItem => ({
  id,
  kind: 'image',
  mimeType: 'image/png',
  bytes,
  width: 1200,
  height: 800,
  altText: 'A chart',
  url: `media:${id}`,
});
const jpeg = (id: string): MediaItem => ({ ...png(id), mimeType: 'image/jpeg' });
const mp4: MediaItem = {
  id: 'v1',
  kind: 'video',
  mimeType: 'video/mp4',
  bytes: 8_000_000,
  width: 1080,
  height: 1920,
  durationSeconds: 30,
  url: 'media:v1',
};

const DRAFTS: Record<string, PostDraft> = {
  short: { text: 'Hello #plume https://example.com', media: [] },
  empty: { text: '', media: [] },
  long: { text: `${FAMILY} `.repeat(2000), media: [] },
  withImage: { text: 'A picture', media: [jpeg('i1')] },
  tooManyImages: { text: 'Pictures', media: Array.from({ length: 25 }, (_, i) => jpeg(`i${i}`)) },
  mixed: { text: 'Both', media: [png('i1'), mp4] },
  thread: { text: 'First', media: [], thread: ['Second', 'Third'] },
  comment: { text: 'Post', media: [], firstComment: 'A comment' },
  hugeImage: { text: 'Big', media: [png('i1', 60 * 1024 * 1024)] },
};

describe('validateForPlatform agrees with each connector', () => {
  for (const platform of PLATFORM_IDS) {
    it(`${platform}: same issues as the connector's own validate`, () => {
      const connector = connectorFor(platform, context);
      expect(connector).toBeDefined();
      const configured = connector!.limits();
      expect(configured).toEqual(PLATFORM_CATALOG[platform].limits);
      for (const [name, draft] of Object.entries(DRAFTS)) {
        expect(validateForPlatform(platform, draft), `${platform} ${name}`).toEqual(
          connector!.validate(draft, configured),
        );
      }
    });
  }

  it('flags what the networks refuse', () => {
    const errors = (platform: Platform, draft: PostDraft) =>
      validateForPlatform(platform, draft)
        .filter((i) => i.severity === 'error')
        .map((i) => i.field);
    expect(errors('twitter', DRAFTS.long!)).toContain('text');
    expect(errors('sandbox', DRAFTS.long!)).toContain('text');
    expect(errors('linkedin', DRAFTS.short!)).toEqual([]);
    expect(errors('instagram', DRAFTS.short!)).toContain('media');
    expect(errors('twitter', DRAFTS.mixed!)).toContain('media');
    expect(errors('linkedin', DRAFTS.thread!)).toContain('thread');
    expect(errors('bluesky', DRAFTS.thread!)).toEqual([]);
    // X has no first comment: it says so, without refusing the post.
    expect(validateForPlatform('twitter', DRAFTS.comment!)).toEqual([
      expect.objectContaining({ field: 'firstComment', severity: 'warning' }),
    ]);
    expect(errors('sandbox', DRAFTS.comment!)).toEqual([]);
    const over = validateForPlatform('sandbox', { text: FAMILY.repeat(501), media: [] }).find(
      (i) => i.code === 'text_too_long',
    );
    expect(over).toMatchObject({ used: 501, limit: 500, severity: 'error' });
  });
});
