import { describe, expect, it } from 'vitest';
import {
  accountHealth,
  accountLabel,
  attentionCount,
  quotaText,
  serviceHost,
  tokenExpiryText,
  windowText,
} from '../../../web/src/pages/accounts/account-health';
import { renameError } from '../../../web/src/pages/accounts/account-name';

const healthy = { status: 'active', statusReason: null, isActive: true, lastSyncError: null } as const;

describe('accountHealth', () => {
  it('puts a lost access first, with the server’s reason to act on', () => {
    const health = accountHealth({
      ...healthy,
      status: 'needs_reauth',
      statusReason: 'X revoked the token. Reconnect the account to resume publishing.',
      lastSyncError: 'also failing',
    });
    expect(health).toEqual({
      tone: 'danger',
      label: 'Needs reconnecting',
      detail: 'X revoked the token. Reconnect the account to resume publishing.',
      needsReconnect: true,
    });
    expect(accountHealth({ ...healthy, status: 'needs_reauth' }).detail).toMatch(/Reconnect/);
  });

  it('says a disconnected account needs connecting again', () => {
    expect(accountHealth({ ...healthy, status: 'disconnected', isActive: false })).toMatchObject({
      tone: 'neutral',
      label: 'Disconnected',
      needsReconnect: true,
    });
  });

  it('shows a failed sync before a pause, and a healthy active account as active', () => {
    expect(accountHealth({ ...healthy, isActive: false, lastSyncError: 'Rate limited' })).toMatchObject({
      tone: 'warning',
      label: 'Sync failed',
      detail: 'Rate limited',
      needsReconnect: false,
    });
    expect(accountHealth({ ...healthy, isActive: false })).toMatchObject({
      label: 'Paused',
      tone: 'neutral',
    });
    expect(accountHealth(healthy)).toEqual({
      tone: 'success',
      label: 'Active',
      detail: null,
      needsReconnect: false,
    });
  });

  it('counts the accounts someone must look at (not paused or disconnected ones)', () => {
    expect(
      attentionCount([
        healthy,
        { ...healthy, status: 'needs_reauth' },
        { ...healthy, lastSyncError: 'boom' },
        { ...healthy, isActive: false },
        { ...healthy, status: 'disconnected' },
      ]),
    ).toBe(2);
  });
});

describe('tokenExpiryText', () => {
  const now = Date.parse('2026-05-01T12:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();

  it('words the expiry, warning only when it is near or past', () => {
    expect(tokenExpiryText(null, now)).toEqual({ text: 'Access does not expire', soon: false });
    expect(tokenExpiryText(at(-1000), now)).toEqual({
      text: 'Access expired; Plume renews it before publishing',
      soon: true,
    });
    expect(tokenExpiryText(at(30 * 60_000), now)).toEqual({
      text: 'Access expires within the hour',
      soon: true,
    });
    expect(tokenExpiryText(at(3_600_000), now)).toEqual({ text: 'Access expires in 1 hour', soon: true });
    expect(tokenExpiryText(at(5.5 * 3_600_000), now)).toEqual({
      text: 'Access expires in 5 hours',
      soon: true,
    });
    expect(tokenExpiryText(at(86_400_000), now)).toEqual({ text: 'Access expires in 1 day', soon: true });
    expect(tokenExpiryText(at(60 * 86_400_000), now)).toEqual({
      text: 'Access expires in 60 days',
      soon: false,
    });
    expect(tokenExpiryText('not a date', now)).toEqual({ text: 'Access expiry unknown', soon: false });
  });
});

describe('quota wording', () => {
  it('names the window as people say it', () => {
    expect(windowText(86_400)).toBe('24 hours');
    expect(windowText(3_600)).toBe('hour');
    expect(windowText(10_800)).toBe('3 hours');
    expect(windowText(900)).toBe('15 minutes');
    expect(windowText(7 * 86_400)).toBe('7 days');
    expect(windowText(45)).toBe('45 seconds');
  });

  it('says how much is used and flags a nearly full quota', () => {
    const readAt = '2026-05-01T12:00:00Z';
    expect(quotaText({ used: 12, limit: 50, windowSeconds: 86_400, readAt })).toEqual({
      text: '12 of 50 posts used in the last 24 hours',
      nearlyFull: false,
    });
    expect(quotaText({ used: 45, limit: 50, windowSeconds: 3_600, readAt })).toEqual({
      text: '45 of 50 posts used in the last hour',
      nearlyFull: true,
    });
    expect(quotaText({ used: 0, limit: 0, windowSeconds: 3_600, readAt }).nearlyFull).toBe(false);
  });
});

describe('names', () => {
  it('labels an account by its name, else its handle, else the network id', () => {
    expect(accountLabel({ name: 'Brand', handle: 'brand', accountId: '1' })).toBe('Brand');
    expect(accountLabel({ name: null, handle: 'brand', accountId: '1' })).toBe('@brand');
    expect(accountLabel({ name: null, handle: null, accountId: 'did:plc:1' })).toBe('did:plc:1');
  });

  it('names a federated account’s server by its host', () => {
    expect(serviceHost('https://mastodon.social')).toBe('mastodon.social');
    expect(serviceHost('https://pds.example.com:8443/')).toBe('pds.example.com:8443');
    expect(serviceHost('mastodon.social')).toBe('mastodon.social');
  });

  it('checks a new name as the API does', () => {
    expect(renameError('  ')).toMatch(/Enter a name/);
    expect(renameError('x'.repeat(256))).toBe('Use at most 255 characters');
    expect(renameError(`  ${'x'.repeat(255)}  `)).toBeUndefined();
    expect(renameError('Launch team')).toBeUndefined();
  });
});
