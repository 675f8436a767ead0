import { describe, expect, it } from 'vitest';
import { emptyComposer, setOverride, type ComposerState } from '../../../web/src/pages/compose/compose-state';
import {
  blockingReasons,
  checkTargets,
  counterTone,
  draftFor,
  toDraftMedia,
} from '../../../web/src/pages/compose/target-checks';
import { account, libraryImage } from './fixtures';

const FAMILY = '👨‍👩‍👧';

describe('counterTone', () => {
  it('is amber near the limit and red past it', () => {
    expect(counterTone(100, 500)).toBe('ok');
    expect(counterTone(449, 500)).toBe('ok');
    expect(counterTone(450, 500)).toBe('near');
    expect(counterTone(500, 500)).toBe('near');
    expect(counterTone(501, 500)).toBe('over');
    // Short limits turn amber within the last 20 characters.
    expect(counterTone(260, 280)).toBe('near');
  });
});

describe('checkTargets', () => {
  const sandbox = account('sandbox');
  const other = account('sandbox');
  const twitter = account('twitter');
  const accounts = [sandbox, other, twitter];
  const state = (patch: Partial<ComposerState>): ComposerState => ({
    ...emptyComposer(),
    accountIds: [sandbox.id, other.id, twitter.id],
    ...patch,
  });

  it('counts each account by its own network and its own text', () => {
    const text = `${FAMILY} https://example.com/${'x'.repeat(40)}`;
    const checks = checkTargets(state({ content: text }), accounts, new Map());
    const sandboxCheck = checks.find((c) => c.account.id === sandbox.id)!;
    const xCheck = checks.find((c) => c.account.id === twitter.id)!;
    expect(sandboxCheck).toMatchObject({ used: 1 + 1 + 20 + 40, limit: 500, tone: 'ok' });
    // X: the emoji weighs 2 and the URL 23.
    expect(xCheck).toMatchObject({ used: 2 + 1 + 23, limit: 280, tone: 'ok' });
  });

  it('blocks scheduling when one account’s own text is too long, with the reason, and not on warnings', () => {
    const tooLong = setOverride(state({ content: 'Fine' }), other.id, FAMILY.repeat(501));
    const checks = checkTargets(tooLong, accounts, new Map());
    expect(checks.find((c) => c.account.id === other.id)).toMatchObject({ used: 501, tone: 'over' });
    expect(checks.find((c) => c.account.id === sandbox.id)).toMatchObject({ used: 4, tone: 'ok' });
    expect(blockingReasons(tooLong, checks)).toEqual([
      `${other.name}: The post is 501 characters long; the Sandbox network allows 500.`,
    ]);

    // Six hashtags are a warning on the Sandbox network (reach), not a refusal.
    const hashtags = state({ content: '#a #b #c #d #e #f' });
    const warned = checkTargets(hashtags, accounts, new Map());
    expect(warned[0]!.issues.map((i) => [i.code, i.severity])).toContainEqual(['many_hashtags', 'warning']);
    expect(blockingReasons(hashtags, warned)).toEqual([]);
  });

  it('refuses with nothing chosen or nothing written', () => {
    expect(blockingReasons(emptyComposer(), [])).toEqual(['Choose at least one account to post to.']);
    const empty = state({ content: '  ' });
    expect(blockingReasons(empty, checkTargets(empty, accounts, new Map()))).toHaveLength(3);
  });

  it('validates attached library files as the networks see them', () => {
    const image = libraryImage({ altText: null });
    const video = libraryImage({ kind: 'video', mimeType: 'video/mp4', durationMs: 30_000, altText: null });
    expect(toDraftMedia(video)).toMatchObject({ kind: 'video', durationSeconds: 30, bytes: 120_000 });
    const media = new Map([image, video].map((m) => [m.id, m]));
    const withBoth = state({ content: 'Both', mediaIds: [image.id, video.id] });
    const checks = checkTargets(withBoth, accounts, media);
    const codes = (id: string) => checks.find((c) => c.account.id === id)!.issues.map((i) => i.code);
    expect(codes(sandbox.id)).toEqual(expect.arrayContaining(['mixed_media', 'missing_alt_text']));
    expect(blockingReasons(withBoth, checks).length).toBeGreaterThan(0);
  });

  it('leaves replies and first comments out of the drafts of networks without them', () => {
    const linkedin = account('linkedin');
    const withExtras = { ...state({ content: 'Post' }), thread: ['Reply', ''], firstComment: 'Comment' };
    expect(draftFor(withExtras, sandbox, new Map())).toMatchObject({
      thread: ['Reply'],
      firstComment: 'Comment',
    });
    expect(draftFor(withExtras, linkedin, new Map())).not.toHaveProperty('thread');
    expect(draftFor(withExtras, twitter, new Map())).not.toHaveProperty('firstComment');
  });

  it('warns about an account that needs reconnecting without blocking', () => {
    const stale = account('sandbox', { status: 'needs_reauth' });
    const s = { ...emptyComposer(), content: 'Hello', accountIds: [stale.id] };
    const checks = checkTargets(s, [stale], new Map());
    expect(checks[0]!.issues).toContainEqual(
      expect.objectContaining({ code: 'account_needs_reauth', severity: 'warning' }),
    );
    expect(blockingReasons(s, checks)).toEqual([]);
  });
});
