import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STRONG_PASSWORD, startIdentityRuntime } from '../../support/identity-runtime';
import { TestClient } from '../../support/http-client';

/**
 * A write that fails inside a request is logged by the HTTP error middleware. The failed
 * insert's bound values (here the new user's argon2 password hash) must not reach the log;
 * the database's own reason (SQLSTATE, constraint, table) must.
 */
describe('a failing write logs no secret', () => {
  let identity: Awaited<ReturnType<typeof startIdentityRuntime>>;
  // NOT VALID: existing rows (other test files share the database) are not checked, and the
  // pattern matches only this test's address.
  const CONSTRAINT = 'users_log_secret_probe';

  beforeAll(async () => {
    identity = await startIdentityRuntime();
    await identity.runtime.container.db.execute(
      sql.raw(
        `alter table users add constraint ${CONSTRAINT} check (email not like '%log-secret-probe%') not valid`,
      ),
    );
  });
  afterAll(async () => {
    await identity.runtime.container.db.execute(
      sql.raw(`alter table users drop constraint if exists ${CONSTRAINT}`),
    );
    await identity.stop();
  });

  it('POST /api/auth/register answers 500 and logs code, constraint and table, not the hash', async () => {
    const printed: string[] = [];
    const capture = (chunk: string | Uint8Array): boolean => {
      printed.push(String(chunk));
      return true;
    };
    const spies = [
      vi.spyOn(process.stdout, 'write').mockImplementation(capture),
      vi.spyOn(process.stderr, 'write').mockImplementation(capture),
    ];
    let status: number;
    try {
      const response = await new TestClient(identity.runtime.url).post('/api/auth/register', {
        email: `log-secret-probe-${crypto.randomUUID().slice(0, 8)}@example.test`,
        password: STRONG_PASSWORD,
        firstName: 'Ada',
        lastName: 'Lovelace',
        organizationName: 'Probe',
        acceptTerms: true,
      });
      status = response.status;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(status).toBe(500);
    const log = printed.join('');
    expect(log).toContain('Unhandled error in HTTP handler');
    expect(log).not.toContain('$argon2id$');
    expect(log).not.toContain(STRONG_PASSWORD);
    const line = log
      .split('\n')
      .filter((text) => text.includes('Unhandled error in HTTP handler'))
      .map((text) => JSON.parse(text) as { error: { cause?: Record<string, string> } })[0];
    expect(line?.error.cause).toMatchObject({ code: '23514', table: 'users', constraint: CONSTRAINT });
  });
});
