import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseHandle } from '../../functions/db/client';
import { CompiledStatement } from '../../functions/db/compiled-statement';
import {
  openPipelinedRequestTransaction,
  openRequestTransaction,
  runInRequestTransaction,
  type RequestTransaction,
} from '../../functions/db/request-transaction';
import { queryRows } from '../../functions/db/rows';
import { organizations, posts } from '../../functions/db/schema';
import { withSystem, withTenant, type Transaction } from '../../functions/db/tenant';
import { createTestOrganization, getTestDatabase, type TestOrganization } from '../support/db';

/** The transaction's id, assigned on demand (so two calls in one transaction agree). */
async function transactionId(tx: Transaction): Promise<string> {
  const [row] = await queryRows<{ id: string }>(tx, sql`select txid_current()::text as id`);
  return row!.id;
}

/** Opens a request transaction as the HTTP layer does: check, then the tenant setting. */
async function openFor(db: Database, organizationId: string, seen: string[] = []) {
  return openRequestTransaction(db, async (tx) => {
    seen.push(await transactionId(tx));
    await tx.execute(
      sql`select set_config('role', 'plume_app', true), set_config('app.org_id', ${organizationId}, true)`,
    );
    return { organizationId, caller: 'checked' };
  });
}

async function nameOf(db: Database, organizationId: string): Promise<string | undefined> {
  const [row] = await withSystem(db, (tx) =>
    tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId)),
  );
  return row?.name;
}

/** Fails instead of hanging when the request waits on its own connection. */
function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${seconds} s`)), seconds * 1000),
    ),
  ]);
}

describe('request transaction', () => {
  let handle: DatabaseHandle;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    handle = await getTestDatabase();
    org = await createTestOrganization(handle.db);
    other = await createTestOrganization(handle.db);
  });
  afterAll(async () => handle.close());

  const inRequest = <T>(transaction: RequestTransaction, fn: () => Promise<T>) =>
    runInRequestTransaction(transaction, async () => {
      try {
        return await fn();
      } finally {
        await transaction.release();
      }
    });

  it('runs the caller check and the first tenant transaction as one, committed when it returns', async () => {
    const seen: string[] = [];
    const { transaction, caller } = await openFor(handle.db, org.organizationId, seen);
    expect(caller).toBe('checked');
    await inRequest(transaction, async () => {
      const inside = await withTenant(handle.db, org.organizationId, async (tx) => {
        await tx
          .update(organizations)
          .set({ name: 'Renamed in the request' })
          .where(eq(organizations.id, org.organizationId));
        const [setting] = await queryRows<{ org: string; role: string }>(
          tx,
          sql`select current_setting('app.org_id', true) as org, current_user as role`,
        );
        return { id: await transactionId(tx), ...setting };
      });
      expect(inside).toEqual({ id: seen[0], org: org.organizationId, role: 'plume_app' });
      // Committed before withTenant returned: another connection sees it now.
      expect(await nameOf(handle.db, org.organizationId)).toBe('Renamed in the request');
      // A second tenant transaction is a new one, as before.
      const second = await withTenant(handle.db, org.organizationId, transactionId);
      expect(second).not.toBe(seen[0]);
    });
  });

  it('rolls the joined work back when it fails, and passes the error on', async () => {
    const before = await nameOf(handle.db, org.organizationId);
    const { transaction } = await openFor(handle.db, org.organizationId);
    const failure = new Error('the operation failed');
    await expect(
      inRequest(transaction, () =>
        withTenant(handle.db, org.organizationId, async (tx) => {
          await tx
            .update(organizations)
            .set({ name: 'Never committed' })
            .where(eq(organizations.id, org.organizationId));
          throw failure;
        }),
      ),
    ).rejects.toBe(failure);
    expect(await nameOf(handle.db, org.organizationId)).toBe(before);
  });

  it('refuses with what the check threw, and holds nothing afterwards', async () => {
    const refused = new Error('no such session');
    await expect(
      openRequestTransaction(handle.db, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(await withinSeconds(10, nameOf(handle.db, org.organizationId))).toBeDefined();
  });

  it('does not join another organization or a nested transaction', async () => {
    const seen: string[] = [];
    const { transaction } = await openFor(handle.db, org.organizationId, seen);
    await inRequest(transaction, async () => {
      const elsewhere = await withTenant(handle.db, other.organizationId, async (tx) => {
        const [row] = await queryRows<{
          org: string;
        }>(tx, sql`select current_setting('app.org_id', true) as org`);
        return { id: await transactionId(tx), org: row!.org };
      });
      expect(elsewhere.id).not.toBe(seen[0]);
      expect(elsewhere.org).toBe(other.organizationId);
      // The request's transaction was committed to make way: nothing joins it any more.
      expect(await withTenant(handle.db, org.organizationId, transactionId)).not.toBe(seen[0]);
    });
  });

  it('commits the check alone when the operation opens no tenant transaction', async () => {
    const { transaction } = await openFor(handle.db, org.organizationId);
    await inRequest(transaction, async () => undefined);
    await expect(transaction.release()).resolves.toBeUndefined();
  });

  // In Lambda the pool has one connection: a request that held its transaction open while
  // opening another would wait for itself forever.
  it.skipIf(!process.env.DATABASE_URL)('never waits on its own connection with a pool of one', async () => {
    const single = await createDatabase({ url: process.env.DATABASE_URL, max: 1 });
    try {
      // A refused caller gives its connection back: the next request gets it.
      for (let i = 0; i < 3; i++) {
        await expect(
          withinSeconds(
            10,
            openRequestTransaction(single.db, async () => {
              throw new Error('refused');
            }),
          ),
        ).rejects.toThrow('refused');
      }
      for (const first of ['system', 'other organization', 'tenant'] as const) {
        const { transaction } = await openFor(single.db, org.organizationId);
        await withinSeconds(
          10,
          inRequest(transaction, async () => {
            if (first === 'system') await withSystem(single.db, transactionId);
            if (first === 'other organization')
              await withTenant(single.db, other.organizationId, transactionId);
            await withTenant(single.db, org.organizationId, transactionId);
          }),
        );
      }
    } finally {
      await single.close();
    }
  });

  describe('pipelined (read-only routes)', () => {
    /** A stand-in caller check: acts as the tenant, or as no tenant when `passes` is false. */
    const CHECK = new CompiledStatement<{ org: string }, { tenant: string }>(
      sql`select set_config('role', 'plume_app', true),
        set_config('app.org_id', ${sql.placeholder('org')}::text, true) as tenant`,
    );
    const openPipelined = (db: Database, organizationId: string, passes = true) =>
      openPipelinedRequestTransaction(db, organizationId, [
        CHECK.bind({ org: passes ? organizationId : '' }),
      ]);

    it('runs the check before the queries that follow it at once, in one READ ONLY transaction', async (context) => {
      const opened = await openPipelined(handle.db, org.organizationId);
      if (!opened) return context.skip(); // PGlite cannot pipeline: the checked path serves it
      const { transaction, checked } = opened;
      // Issued the moment the open resolves, before the check has answered.
      const [setting, verdict] = await Promise.all([
        inRequest(transaction, () =>
          withTenant(handle.db, org.organizationId, (tx) =>
            queryRows<{ org: string; role: string; readOnly: string }>(
              tx,
              sql`select current_setting('app.org_id', true) as org, current_user as role,
                current_setting('transaction_read_only') as "readOnly"`,
            ),
          ),
        ),
        checked,
      ]);
      expect(verdict).toEqual([{ set_config: 'plume_app', tenant: org.organizationId }]);
      expect(setting).toEqual([{ org: org.organizationId, role: 'plume_app', readOnly: 'on' }]);
    });

    it('refuses writes, and a refused check leaves the queries behind it seeing no rows', async (context) => {
      const writer = await openPipelined(handle.db, org.organizationId);
      if (!writer) return context.skip();
      await expect(
        inRequest(writer.transaction, () =>
          withTenant(handle.db, org.organizationId, (tx) =>
            tx
              .update(organizations)
              .set({ name: 'Written in a GET' })
              .where(eq(organizations.id, org.organizationId)),
          ),
        ),
      ).rejects.toMatchObject({ cause: { code: '25006' } }); // read_only_sql_transaction
      expect(await nameOf(handle.db, org.organizationId)).not.toBe('Written in a GET');

      const refused = await openPipelined(handle.db, org.organizationId, false);
      if (!refused) return;
      const seen = await inRequest(refused.transaction, () =>
        withTenant(handle.db, org.organizationId, (tx) =>
          Promise.all([
            tx.select({ id: organizations.id }).from(organizations),
            tx.select({ id: posts.id }).from(posts).limit(1),
          ]),
        ),
      );
      expect(seen).toEqual([[], []]);
      expect(await refused.checked).toEqual([{ set_config: 'plume_app', tenant: '' }]);
    });

    it('gives the connection back after an operation that failed before its first query', async (context) => {
      const single = await createDatabase({ url: process.env.DATABASE_URL, max: 1 });
      try {
        for (let i = 0; i < 3; i++) {
          const opened = await withinSeconds(10, openPipelined(single.db, org.organizationId));
          if (!opened) return context.skip();
          await expect(
            inRequest(opened.transaction, async () => {
              throw new Error('invalid input');
            }),
          ).rejects.toThrow('invalid input');
          await opened.checked;
        }
        expect(await withinSeconds(10, nameOf(single.db, org.organizationId))).toBeTypeOf('string');
      } finally {
        await single.close();
      }
    });
  });
});
