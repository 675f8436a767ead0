import { Duration } from 'aws-cdk-lib';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, databaseUnavailable } from '../../functions/db/connect-retry';
import { createDatabase, type DatabaseHandle } from '../../functions/db/client';
import { openRequestTransaction } from '../../functions/db/request-transaction';
import { queryRows } from '../../functions/db/rows';
import { AURORA_RESUME, connectAttemptSeconds } from '../../lib/database-wait';
import { startResumingDatabaseProxy, type ResumingDatabaseProxy } from '../support/resuming-database-proxy';

const url = process.env.DATABASE_URL;

/**
 * The driver against a database that answers slowly, as a paused Aurora does: a proxy in
 * front of the real PostgreSQL holds connections until its "resume" is over.
 */
describe.skipIf(!url)('connecting to a database that is resuming', () => {
  const open: Array<{ proxy: ResumingDatabaseProxy; handle: DatabaseHandle }> = [];
  afterEach(async () => {
    for (const { proxy, handle } of open.splice(0)) {
      await handle.close().catch(() => undefined);
      await proxy.close();
    }
  });

  async function throughProxy(resumeMs: number, connectTimeoutSeconds: number) {
    const target = new URL(url!);
    const proxy = await startResumingDatabaseProxy(
      { host: target.hostname, port: Number(target.port || 5432) },
      resumeMs,
    );
    const retries: string[] = [];
    const handle = await createDatabase({
      server: {
        host: '127.0.0.1',
        port: proxy.port,
        user: decodeURIComponent(target.username),
        database: target.pathname.slice(1),
      },
      runtime: 'aws',
      connectTimeoutSeconds,
      onConnectRetry: (error) => retries.push(String((error as { code?: string }).code)),
    });
    open.push({ proxy, handle });
    return { proxy, db: handle.db, retries };
  }

  it('the first request after an idle spell waits out a typical resume with the HTTP functions settings', async () => {
    // An HTTP function (25 s timeout) gets 10 s per attempt; the old driver gave up after one 10 s try.
    const attempt = connectAttemptSeconds(Duration.seconds(25));
    const { proxy, db, retries } = await throughProxy(AURORA_RESUME.typical.toMilliseconds(), attempt);
    const started = Date.now();
    const rows = await queryRows<{ answer: number }>(db, sql`select 42 as answer`);
    expect(rows).toEqual([{ answer: 42 }]);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(AURORA_RESUME.typical.toMilliseconds() - 100);
    expect(waited).toBeLessThan(2 * attempt * 1000);
    expect(retries).toEqual(['CONNECT_TIMEOUT']);
    expect(proxy.connections).toBe(2);
  }, 40_000);

  it('retries a transaction whose connection could not be opened', async () => {
    const { proxy, db } = await throughProxy(1_500, 1);
    const result = await db.transaction(async (tx) => queryRows<{ one: number }>(tx, sql`select 1 as one`));
    expect(result).toEqual([{ one: 1 }]);
    expect(proxy.connections).toBe(2);
  });

  it('retries opening the connection an authenticated request reserves, and gives up the same way', async () => {
    const caller = async (tx: Parameters<Parameters<typeof openRequestTransaction>[1]>[0]) => ({
      organizationId: (await queryRows<{ id: string }>(tx, sql`select gen_random_uuid()::text as id`))[0]!.id,
      caller: 'checked',
    });
    const resumed = await throughProxy(1_500, 1);
    const { transaction } = await openRequestTransaction(resumed.db, caller);
    await transaction.release();
    expect(resumed.proxy.connections).toBe(2);

    const asleep = await throughProxy(10_000, 1);
    const error = await openRequestTransaction(asleep.db, caller).catch((e: unknown) => e);
    expect(databaseUnavailable(error)).toMatchObject({ code: 'database_unavailable', attempts: 2 });
  });

  it('gives up after the second attempt with an error that says the database is unavailable', async () => {
    const { proxy, db } = await throughProxy(10_000, 1);
    // drizzle wraps what the driver throws ("Failed query: …"); the cause says what happened.
    const error = databaseUnavailable(await queryRows(db, sql`select 1`).catch((e: unknown) => e));
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({ code: 'database_unavailable', attempts: 2, retryAfterSeconds: 10 });
    expect(error?.cause).toMatchObject({ code: 'CONNECT_TIMEOUT' });
    expect(proxy.connections).toBe(2);
  });

  it('never runs a transaction twice once it began, whatever failed', async () => {
    const { db } = await throughProxy(0, 2);
    let runs = 0;
    const lost = Object.assign(new Error('connection reset mid-transaction'), { code: 'ECONNRESET' });
    await expect(
      db.transaction(async () => {
        runs += 1;
        throw lost;
      }),
    ).rejects.toBe(lost);
    expect(runs).toBe(1);
  });

  it('does not retry a statement the database refused', async () => {
    const { proxy, db } = await throughProxy(0, 2);
    await expect(db.execute(sql`select * from no_such_table`)).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '42P01' }),
    });
    expect(proxy.connections).toBe(1);
  });
});
