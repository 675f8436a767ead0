import { describe, expect, it } from 'vitest';
import { dashboardPath, severityLook } from '../../../web/src/pages/notifications/notification-look';

describe('severity look', () => {
  it('gives each severity its own words, icon and colour', () => {
    const looks = (['success', 'warning', 'error', 'info'] as const).map(severityLook);
    expect(looks.map((look) => look.label)).toEqual(['Success', 'Warning', 'Error', 'Information']);
    expect(new Set(looks.map((look) => look.stripe)).size).toBe(4);
    expect(severityLook('error').stripe).toContain('rose');
    expect(severityLook('success').stripe).toContain('emerald');
    expect(severityLook('warning').icon).toBe('alert');
  });

  it('shows a severity it does not know (a newer server) as information', () => {
    expect(severityLook('critical')).toEqual(severityLook('info'));
    expect(severityLook('toString')).toEqual(severityLook('info'));
  });
});

describe('notification links', () => {
  it('follows dashboard paths', () => {
    expect(dashboardPath('/posts/3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b')).toBe(
      '/posts/3f2b8c1e-0a4d-4e6f-9b7a-1c2d3e4f5a6b',
    );
    expect(dashboardPath('/accounts?reconnect=1')).toBe('/accounts?reconnect=1');
  });

  it('refuses anything that would leave the dashboard, and no link at all', () => {
    expect(dashboardPath(null)).toBeNull();
    expect(dashboardPath('')).toBeNull();
    expect(dashboardPath('https://evil.example/posts')).toBeNull();
    expect(dashboardPath('//evil.example/posts')).toBeNull();
    expect(dashboardPath('/\\evil.example')).toBeNull();
    expect(dashboardPath('javascript:alert(1)')).toBeNull();
  });
});
