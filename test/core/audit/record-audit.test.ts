import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../../functions/core/audit/record-audit';

describe('redactSecrets', () => {
  it('hides credential-looking fields at any depth and keeps everything else', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      redactSecrets({
        name: 'Acme',
        password: 'hunter2',
        nested: {
          accessToken: 'x',
          refresh_token: 'y',
          apiKey: 'z',
          keep: 1,
          list: [{ clientSecret: 's', ok: true }],
        },
        passwordHash: null,
        at,
      }),
    ).toEqual({
      name: 'Acme',
      password: '[redacted]',
      nested: {
        accessToken: '[redacted]',
        refresh_token: '[redacted]',
        apiKey: '[redacted]',
        keep: 1,
        list: [{ clientSecret: '[redacted]', ok: true }],
      },
      passwordHash: null,
      at: at.toISOString(),
    });
  });
});
