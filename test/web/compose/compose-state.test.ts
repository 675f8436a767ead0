import { describe, expect, it } from 'vitest';
import { createPostRequest } from '../../../functions/shared/contracts/posts';
import { groupByPlatform, offeredAccounts, runTimeLimits } from '../../../web/src/pages/compose/accounts';
import {
  buildPostRequest,
  customise,
  dropOverride,
  emptyComposer,
  isCustomised,
  isEditablePost,
  setOverride,
  stateFromPost,
  textFor,
  toggleAccount,
  type ComposerState,
  type Post,
} from '../../../web/src/pages/compose/compose-state';
import { account, socialAccount } from './fixtures';

const withText = (content: string, ...ids: string[]): ComposerState => ({
  ...emptyComposer(),
  content,
  accountIds: ids,
});

describe('per-account overrides', () => {
  it('starts from the main text, then keeps its own while the main text changes', () => {
    let state = withText('Main', 'a', 'b');
    expect(textFor(state, 'a')).toBe('Main');
    state = customise(state, 'a');
    expect(isCustomised(state, 'a')).toBe(true);
    expect(textFor(state, 'a')).toBe('Main');
    state = setOverride(state, 'a', 'Own');
    state = { ...state, content: 'Main, edited' };
    expect(textFor(state, 'a')).toBe('Own');
    expect(textFor(state, 'b')).toBe('Main, edited');
    // Customising again keeps what was written.
    expect(textFor(customise(state, 'a'), 'a')).toBe('Own');
  });

  it('drops the override on "use main text" and when the account is unticked', () => {
    const customised = setOverride(withText('Main', 'a'), 'a', 'Own');
    expect(textFor(dropOverride(customised, 'a'), 'a')).toBe('Main');
    const unticked = toggleAccount(customised, 'a');
    expect(unticked.accountIds).toEqual([]);
    expect(unticked.overrides).toEqual({});
    // Ticking it again starts from the main text.
    expect(isCustomised(toggleAccount(unticked, 'a'), 'a')).toBe(false);
  });

  it('an empty own text is still an override (the author cleared it on purpose)', () => {
    const state = setOverride(withText('Main', 'a'), 'a', '');
    expect(isCustomised(state, 'a')).toBe(true);
    expect(textFor(state, 'a')).toBe('');
  });
});

describe('buildPostRequest', () => {
  const sandbox = account('sandbox');
  const linkedin = account('linkedin');
  const twitter = account('twitter');
  const accounts = [sandbox, linkedin, twitter];

  it('sends the main text once and only the overrides per target, and passes the API schema', () => {
    const state = setOverride(withText('Main', sandbox.id, twitter.id), twitter.id, 'Short for X');
    const body = buildPostRequest(state, accounts, { timezone: 'Europe/Paris', mediaKinds: [] });
    expect(body).toMatchObject({
      content: 'Main',
      thread: null,
      timezone: 'Europe/Paris',
      contentType: 'text',
    });
    expect(body.targets.map((t) => [t.socialAccountId, t.content])).toEqual([
      [sandbox.id, null],
      [twitter.id, 'Short for X'],
    ]);
    expect(createPostRequest.safeParse(body).success).toBe(true);
  });

  it('gives replies only to networks with threads and the first comment only where supported', () => {
    const state: ComposerState = {
      ...withText('Main', sandbox.id, linkedin.id, twitter.id),
      thread: ['Reply one', '   ', 'Reply two'],
      firstComment: 'Comment',
    };
    const body = buildPostRequest(state, accounts, { timezone: 'UTC', mediaKinds: [] });
    // Blank reply boxes are not replies.
    expect(body.thread).toEqual(['Reply one', 'Reply two']);
    const byAccount = new Map(body.targets.map((t) => [t.socialAccountId, t]));
    // LinkedIn has no threads: an explicit empty thread so the shared replies do not apply.
    expect(byAccount.get(linkedin.id)).toMatchObject({ thread: [], firstComment: 'Comment' });
    expect(byAccount.get(sandbox.id)).toMatchObject({ thread: null, firstComment: 'Comment' });
    // X has threads but no first comment.
    expect(byAccount.get(twitter.id)).toMatchObject({ thread: null, firstComment: null });
    expect(createPostRequest.safeParse(body).success).toBe(true);
  });

  it('derives the content type from the attached media', () => {
    const state = { ...withText('Main', sandbox.id), mediaIds: ['00000000-0000-4000-8000-000000000999'] };
    const kind = (kinds: string[]) =>
      buildPostRequest(state, accounts, { timezone: 'UTC', mediaKinds: kinds }).contentType;
    expect(kind(['image'])).toBe('image');
    expect(kind(['video'])).toBe('video');
    expect(kind(['image', 'image'])).toBe('carousel');
    expect(kind([])).toBe('text');
  });

  it('round-trips through a saved post, keeping per-target settings it does not edit', () => {
    const post: Post = {
      id: '00000000-0000-4000-8000-00000000aaaa',
      userId: null,
      title: null,
      content: 'Main',
      thread: ['Reply'],
      contentType: 'text',
      mediaIds: [],
      status: 'draft',
      scheduledAt: null,
      timezone: 'Europe/Paris',
      publishedAt: null,
      approvalStatus: 'not_required',
      approvedBy: null,
      approvedAt: null,
      aiGenerated: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      targets: [sandbox, twitter].map((a, index) => ({
        id: `00000000-0000-4000-8000-00000000000${index}`,
        socialAccountId: a.id,
        platform: a.platform,
        accountName: a.name,
        accountHandle: a.handle,
        accountStatus: 'active',
        status: 'draft',
        version: 0,
        scheduledAt: null,
        timezone: null,
        content: index === 1 ? 'Own' : null,
        thread: null,
        mediaIds: null,
        firstComment: index === 0 ? 'Comment' : null,
        options: index === 1 ? { replySettings: 'following' } : null,
        attempts: 0,
        nextAttemptAt: null,
        platformPostId: null,
        platformPostUrl: null,
        errorCode: null,
        errorMessage: null,
        publishedAt: null,
        updatedAt: '2026-01-01T00:00:00.000Z',
      })),
    };
    const state = stateFromPost(post);
    expect(state).toMatchObject({ content: 'Main', thread: ['Reply'], firstComment: 'Comment' });
    expect(textFor(state, twitter.id)).toBe('Own');
    const body = buildPostRequest(state, accounts, { timezone: 'Europe/Paris', mediaKinds: [] });
    expect(body.targets[1]).toMatchObject({ content: 'Own', options: { replySettings: 'following' } });
    expect(body.targets[0]).toMatchObject({ content: null, firstComment: 'Comment', options: null });
  });

  it('edits only posts whose targets may all still change', () => {
    const post = (statuses: Post['targets'][number]['status'][]) =>
      ({ targets: statuses.map((status) => ({ status })) }) as unknown as Post;
    expect(isEditablePost(post(['draft', 'scheduled', 'failed', 'missed', 'cancelled']))).toBe(true);
    expect(isEditablePost(post(['scheduled', 'published']))).toBe(false);
    expect(isEditablePost(post(['publishing']))).toBe(false);
    expect(isEditablePost(post(['unconfirmed']))).toBe(false);
  });
});

describe('accounts', () => {
  it('offers active, connected accounts (needing reauth included) grouped by network', () => {
    const list = [
      socialAccount('sandbox'),
      socialAccount('mastodon', { status: 'needs_reauth' }),
      socialAccount('sandbox'),
      socialAccount('bluesky', { status: 'disconnected' }),
      socialAccount('twitter', { isActive: false }),
    ];
    const offered = offeredAccounts(list);
    expect(offered.map((a) => a.platform)).toEqual(['sandbox', 'mastodon', 'sandbox']);
    expect(groupByPlatform(offered).map(([platform, group]) => [platform, group.length])).toEqual([
      ['sandbox', 2],
      ['mastodon', 1],
    ]);
  });

  it('uses the limits read from the account, falling back to the configured ones', () => {
    const instance = socialAccount('mastodon', {
      limits: {
        maxTextLength: 5000,
        textCounting: 'graphemes',
        maxImages: 6,
        maxVideos: 1,
        maxImageBytes: 1,
        maxVideoBytes: 1,
        supportsThreads: true,
        supportsFirstComment: false,
        requiresMedia: false,
      },
    });
    const [merged] = offeredAccounts([instance]);
    expect(merged!.limits).toMatchObject({ maxTextLength: 5000, maxImages: 6, urlLength: 23 });
    expect(offeredAccounts([socialAccount('mastodon')])[0]!.limits.maxTextLength).toBe(500);
    // An unknown counting rule from the wire is not trusted.
    expect(runTimeLimits({ ...instance.limits!, textCounting: 'bytes' })).not.toHaveProperty('textCounting');
  });
});
