import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toApiProblem } from '../../web/src/api/problem';
import { isPublicApiPath } from '../../web/src/api/public-routes';
import { hasRole, rolesUpTo } from '../../web/src/auth/roles';
import { loginPath, safeReturnPath } from '../../web/src/auth/return-path';
import { displayName, initials } from '../../web/src/auth/people';
import { languageOptions } from '../../web/src/lib/languages';
import { listTimeZones, timeZoneLabel } from '../../web/src/lib/time-zones';
import { describeUserAgent } from '../../web/src/lib/user-agent';
import { ROUTES } from '../../functions/shared/route-table';
import { userContracts } from '../../functions/shared/contracts/users';

describe('safeReturnPath', () => {
  it('keeps paths on this site, with their query and hash', () => {
    expect(safeReturnPath('/team?tab=invites#pending')).toBe('/team?tab=invites#pending');
    expect(safeReturnPath('/settings/api-keys')).toBe('/settings/api-keys');
  });

  it('refuses anything that could leave the site, and sign-in pages (a loop)', () => {
    for (const raw of [
      null,
      '',
      'https://evil.example',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      '/login?next=/x',
      '/signup',
    ]) {
      expect(safeReturnPath(raw)).toBe('/');
    }
  });

  it('loginPath carries the way back, except to the overview', () => {
    expect(loginPath('/team')).toBe('/login?next=%2Fteam');
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('//evil.example')).toBe('/login');
  });
});

describe('isPublicApiPath (from the route table)', () => {
  it('knows every public route, with path parameters, and nothing else', () => {
    expect(isPublicApiPath('/api/auth/login')).toBe(true);
    expect(isPublicApiPath('/api/auth/refresh')).toBe(true);
    expect(isPublicApiPath('/api/invitations/abcdefghijklmnopqrstuvwxyz')).toBe(true);
    expect(isPublicApiPath('/prod/api/auth/login')).toBe(true);
    expect(isPublicApiPath('/api/users/profile')).toBe(false);
    expect(isPublicApiPath('/api/auth/switch-organization')).toBe(false);
    expect(isPublicApiPath('/api/organizations/invitations/abc')).toBe(false);
    for (const route of ROUTES) {
      const concrete = route.path.replace(/\{[^}]+\}/g, 'x1');
      expect(isPublicApiPath(concrete), route.name).toBe(route.access === 'public');
    }
  });
});

describe('roles', () => {
  it('order viewer < user < manager < admin', () => {
    expect(hasRole('admin', 'manager')).toBe(true);
    expect(hasRole('manager', 'manager')).toBe(true);
    expect(hasRole('user', 'manager')).toBe(false);
    expect(hasRole(null, 'viewer')).toBe(false);
    expect(rolesUpTo('manager')).toEqual(['viewer', 'user', 'manager']);
  });
});

describe('Retry-After', () => {
  it('reads seconds or an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('0')).toBe(1);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', Date.parse('2026-01-01T00:00:00Z'))).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('is carried on the problem of a 429', () => {
    const problem = toApiProblem(
      { status: 429, code: 'rate_limited', title: 'Too many requests' },
      { status: 429, statusText: '', headers: new Headers({ 'retry-after': '17' }) },
    );
    expect(problem.retryAfterSeconds).toBe(17);
  });
});

describe('people, zones, languages, devices', () => {
  it('names people by name, else by email', () => {
    expect(displayName({ firstName: 'Ada', lastName: 'Lovelace', email: 'a@b.co' })).toBe('Ada Lovelace');
    expect(displayName({ firstName: null, lastName: null, email: 'a@b.co' })).toBe('a@b.co');
    expect(initials({ firstName: 'ada', lastName: 'lovelace', email: 'a@b.co' })).toBe('AL');
    expect(initials({ firstName: null, lastName: null, email: 'zed@b.co' })).toBe('Z');
  });

  it('lists every IANA zone plus UTC and a saved unusual one, labelled with the offset', () => {
    const zones = listTimeZones('Etc/GMT+5');
    expect(zones).toContain('Europe/Paris');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(timeZoneLabel('America/New_York', new Date('2026-01-15T12:00:00Z'))).toBe(
      'America/New York (GMT-5)',
    );
  });

  it('offers only language tags the profile schema accepts', () => {
    const schema = userContracts.updateProfile!.body!;
    for (const { value } of languageOptions()) {
      expect(schema.safeParse({ language: value }).success, value).toBe(true);
    }
  });

  it('describes common browsers and API clients', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      ),
    ).toEqual({ label: 'Chrome on macOS', mobile: false });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ label: 'Safari on iOS', mobile: true });
    expect(describeUserAgent('curl/8.5.0').label).toBe('API client');
    expect(describeUserAgent(null).label).toBe('Unknown device');
  });
});
