import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../functions/shared/route-table';
import {
  CALLBACK_PARAMS,
  readCallbackResult,
  withoutCallbackParams,
} from '../../../web/src/pages/accounts/callback-result';
import {
  connectErrors,
  connectFormFor,
  connectRequest,
  EMPTY_CONNECT_VALUES,
} from '../../../web/src/pages/accounts/connect-request';

const values = (overrides: Partial<typeof EMPTY_CONNECT_VALUES>) => ({
  ...EMPTY_CONNECT_VALUES,
  ...overrides,
});

describe('connect forms', () => {
  it('asks each kind of network for what it needs', () => {
    expect(connectFormFor('twitter', 'oauth')).toBe('oauth');
    expect(connectFormFor('mastodon', 'oauth')).toBe('server');
    expect(connectFormFor('bluesky', 'app-password')).toBe('app-password');
    expect(connectFormFor('sandbox', 'instant')).toBe('handle');
  });

  it('checks the fields before asking the server', () => {
    expect(connectErrors('oauth', EMPTY_CONNECT_VALUES)).toEqual({});
    expect(connectErrors('server', EMPTY_CONNECT_VALUES)).toEqual({
      serviceUrl: 'Enter the address of your Mastodon server',
    });
    expect(connectErrors('app-password', EMPTY_CONNECT_VALUES)).toEqual({
      identifier: 'Enter the handle or email of the account',
      appPassword: 'Enter an app password',
    });
    expect(
      connectErrors(
        'app-password',
        values({ identifier: 'ada.bsky.social', appPassword: 'x', service: 'a'.repeat(256) }),
      ),
    ).toEqual({ service: 'Use at most 255 characters' });
    expect(connectErrors('handle', values({ identifier: '  ' }))).toEqual({ identifier: 'Enter a handle' });
    expect(connectErrors('handle', values({ identifier: 'ada' }))).toEqual({});
  });

  it('sends only the fields the network reads, trimmed', () => {
    const all = values({
      identifier: ' @ada.bsky.social ',
      appPassword: ' pass ',
      service: ' ',
      serviceUrl: ' m.social ',
    });
    expect(connectRequest('twitter', 'oauth', all)).toEqual({ platform: 'twitter' });
    expect(connectRequest('mastodon', 'server', all)).toEqual({
      platform: 'mastodon',
      serviceUrl: 'm.social',
    });
    expect(connectRequest('bluesky', 'app-password', all)).toEqual({
      platform: 'bluesky',
      identifier: 'ada.bsky.social',
      appPassword: ' pass ',
    });
    expect(connectRequest('bluesky', 'app-password', { ...all, service: ' pds.example ' })).toMatchObject({
      service: 'pds.example',
    });
    expect(connectRequest('sandbox', 'handle', all)).toEqual({
      platform: 'sandbox',
      identifier: '@ada.bsky.social',
    });
  });
});

describe('the OAuth callback’s result', () => {
  it('reports what was connected, with accounts left out for the plan', () => {
    expect(readCallbackResult(new URLSearchParams('connected=linkedin&count=1'))).toEqual({
      tone: 'success',
      title: 'Connected LinkedIn',
      message: 'It is ready to publish to.',
    });
    expect(readCallbackResult(new URLSearchParams('connected=facebook&count=3&skipped=2'))).toEqual({
      tone: 'success',
      title: 'Connected 3 Facebook Page accounts',
      message: '2 more accounts were left out: the plan has no room for them.',
    });
  });

  it('explains each error, preferring the network’s own words', () => {
    expect(readCallbackResult(new URLSearchParams('error=access_denied&platform=twitter'))).toMatchObject({
      tone: 'danger',
      title: 'X was not connected',
      message: expect.stringMatching(/declined on X/),
    });
    expect(
      readCallbackResult(new URLSearchParams('error=exchange_failed&platform=threads&message=Code+expired')),
    ).toMatchObject({ title: 'Threads was not connected', message: 'Code expired' });
    expect(readCallbackResult(new URLSearchParams('error=plan_limit_reached&platform=x'))).toMatchObject({
      title: 'Your plan is full',
    });
    expect(readCallbackResult(new URLSearchParams('error=something_new'))).toMatchObject({
      title: 'the network was not connected',
    });
  });

  it('ignores ordinary URLs and cleans only its own parameters', () => {
    expect(readCallbackResult(new URLSearchParams(''))).toBeNull();
    expect(readCallbackResult(new URLSearchParams('tab=insights'))).toBeNull();
    const cleaned = withoutCallbackParams(new URLSearchParams('connected=x&count=1&skipped=1&tab=insights'));
    expect(cleaned.toString()).toBe('tab=insights');
  });

  it('knows every parameter the callback operation sends back', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(
      new URL('../../../functions/http/operations/social-accounts/callback.ts', import.meta.url),
      'utf8',
    );
    const sent = new Set(
      [...source.matchAll(/\b(connected|count|skipped|error|platform|message):/g)].map((m) => m[1]),
    );
    expect([...sent].sort()).toEqual([...CALLBACK_PARAMS].sort());
  });
});

describe('who may do what (the page hides what the API refuses)', () => {
  const minimum = (operationId: string) => ROUTES.find((route) => route.name === operationId)?.access;

  it('lets managers connect, rename, pause and disconnect, users sync, and viewers look', () => {
    expect(minimum('listSocialAccounts')).toBe('viewer');
    expect(minimum('getSocialAccountInsights')).toBe('viewer');
    expect(minimum('syncSocialAccount')).toBe('user');
    expect(minimum('connectSocialAccount')).toBe('manager');
    expect(minimum('updateSocialAccount')).toBe('manager');
    expect(minimum('disconnectSocialAccount')).toBe('manager');
  });
});
