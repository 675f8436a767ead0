import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { normalizeInstanceUrl } from '../../../functions/platforms/mastodon';

describe('normalizeInstanceUrl', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  Mastodon.Social/ ', 'https://mastodon.social'],
    ['https://hachyderm.io/about', 'https://hachyderm.io'],
    ['@me@fosstodon.org', 'https://fosstodon.org'],
    ['me@fosstodon.org', 'https://fosstodon.org'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeInstanceUrl(input)).toBe(expected);
  });

  it.each([
    '',
    'http://mastodon.social',
    'ftp://mastodon.social',
    'https://user:pass@mastodon.social',
    'localhost',
    'https://127.0.0.1',
    'https://169.254.169.254',
    'https://10.0.0.5',
    'https://192.168.1.2',
    'https://172.20.0.1',
    'https://[::1]',
    'https://2130706433',
    'intranet',
    'printer.local',
    'not a url at all',
  ])('refuses %j as a user-supplied server address', (input) => {
    expect(() => normalizeInstanceUrl(input)).toThrow(PlatformError);
    try {
      normalizeInstanceUrl(input);
    } catch (error) {
      expect((error as PlatformError).kind).toBe('permanent');
    }
  });

  it('accepts local http servers only when private instances are allowed', () => {
    expect(normalizeInstanceUrl('http://127.0.0.1:3000', { allowPrivate: true })).toBe(
      'http://127.0.0.1:3000',
    );
    expect(() => normalizeInstanceUrl('http://127.0.0.1:3000')).toThrow(PlatformError);
  });
});
