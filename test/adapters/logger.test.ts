import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loggableError, scrubLogText } from '../../functions/adapters/local/loggable-error';
import { createLogger, safeLogAttributes } from '../../functions/adapters/local/logger';
import type { DatabaseHandle } from '../../functions/db/client';
import { getTestDatabase } from '../support/db';

const SECRET = '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$c2VjcmV0LWhhc2gtdmFsdWU';

/** Everything the real Powertools logger prints while `fn` runs. */
async function printedLines(fn: () => void | Promise<void>): Promise<string> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    lines.push(String(chunk));
    return true;
  };
  // Powertools prints warnings and errors on stderr, the rest on stdout.
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('');
}

describe('logger', () => {
  let handle: DatabaseHandle;
  let failedInsert: unknown;

  beforeAll(async () => {
    handle = await getTestDatabase();
    // A real failing write through drizzle: a check constraint refuses the row, and drizzle
    // wraps the database's error in a DrizzleQueryError whose message lists the bound values.
    await handle.db.execute(sql`create temporary table log_probe (secret text check (secret = 'allowed'))`);
    failedInsert = await handle.db
      .execute(sql`insert into log_probe (secret) values (${SECRET})`)
      .then(() => undefined)
      .catch((error: unknown) => error);
  });
  afterAll(async () => {
    await handle.close();
  });
  afterEach(() => vi.restoreAllMocks());

  it('the probe really carries the secret in its message (so the next tests can fail)', () => {
    expect(failedInsert).toBeInstanceOf(Error);
    expect((failedInsert as Error).message).toContain(SECRET);
  });

  it('logs a failed write with its code, constraint and table, never the bound values', async () => {
    const printed = await printedLines(() =>
      createLogger('test', 'DEBUG').error('Unhandled error', { error: failedInsert }),
    );
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain('c2VjcmV0');
    const line = JSON.parse(printed.trim().split('\n').pop() as string) as {
      error: { message: string; query: string; cause: Record<string, string> };
    };
    expect(line.error.message).toBe('Failed query');
    expect(line.error.query).toContain('insert into log_probe');
    expect(line.error.cause).toMatchObject({ code: '23514', table: 'log_probe' });
    expect(line.error.cause.constraint).toMatch(/log_probe_secret_check/);
  });

  it('scrubs the text of such an error wherever it is passed (String(error), stack)', async () => {
    const printed = await printedLines(() =>
      createLogger('test', 'DEBUG').warn(`Write failed: ${String(failedInsert)}`, {
        error: String(failedInsert),
        nested: { stack: (failedInsert as Error).stack },
      }),
    );
    expect(printed).not.toContain(SECRET);
    expect(printed).toContain('params: [not logged]');
  });

  it('an Error passed as the whole extra object is described, not copied', () => {
    expect(safeLogAttributes(failedInsert as Error)).toEqual({ error: loggableError(failedInsert) });
    expect(JSON.stringify(safeLogAttributes(failedInsert as Error))).not.toContain(SECRET);
  });

  it('keeps a `message` key (Powertools reserves it) under `detail`', async () => {
    const printed = await printedLines(() =>
      createLogger('test', 'DEBUG').warn('Publish attempt failed', { targetId: 't1', message: 'quota hit' }),
    );
    const line = JSON.parse(printed.trim()) as Record<string, unknown>;
    expect(line.message).toBe('Publish attempt failed');
    expect(line.targetId).toBe('t1');
    expect(line.detail).toEqual({ message: 'quota hit' });
    expect(printed).not.toContain('reserved key');
  });

  it('redacts values PostgreSQL quotes in its messages', () => {
    expect(scrubLogText('invalid input syntax for type uuid: "not-a-uuid-but-a-secret"')).toBe(
      'invalid input syntax for type uuid: [value not logged]',
    );
    expect(scrubLogText('duplicate key value violates unique constraint "users_email_unique"')).toBe(
      'duplicate key value violates unique constraint "users_email_unique"',
    );
  });
});
