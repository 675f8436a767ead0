import { eq, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database, type DatabaseHandle } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';
import { auditLogs, media, notifications, posts, socialAccounts } from '../../functions/db/schema';
import { withSystem, withTenant } from '../../functions/db/tenant';
import { getTestDatabase } from '../support/db';
import { tenantTables } from './catalog';
import { seedTenant, type SeededTenant } from './seed-tenant';

/**
 * What a tenant transaction sees in `table`, compared with what it must see: exactly its own
 * organization's rows. Returns the violations (empty = isolated). Also used on purpose with
 * sabotaged policies to prove it can fail.
 */
async function isolationProblems(
  tx: Database,
  table: string,
  own: SeededTenant,
  other: SeededTenant,
): Promise<string[]> {
  const ident = sql.identifier(table);
  if (table === 'organizations') {
    const rows = await queryRows<{ id: string }>(tx, sql`select id::text as id from ${ident}`);
    const ids = rows.map((row) => row.id);
    return ids.length === 1 && ids[0] === own.organizationId
      ? []
      : [`organizations: sees ${JSON.stringify(ids)}`];
  }
  if (table === 'users') {
    const rows = await queryRows<{ id: string }>(tx, sql`select id::text as id from ${ident}`);
    const ids = rows.map((row) => row.id);
    const problems: string[] = [];
    if (!ids.includes(own.userId)) problems.push('users: own member not visible');
    if (ids.includes(other.userId)) problems.push("users: other organization's member visible");
    if (ids.length !== 1) problems.push(`users: sees ${ids.length} users, expected the 1 member`);
    return problems;
  }
  const rows = await queryRows<{ org: string | null }>(
    tx,
    sql`select distinct organization_id::text as org from ${ident}`,
  );
  const orgs = rows.map((row) => row.org);
  return orgs.length === 1 && orgs[0] === own.organizationId
    ? []
    : [`${table}: sees organizations ${JSON.stringify(orgs)}`];
}

/** Awaits a query that row-level security must refuse. */
async function expectRlsRefusal(run: () => Promise<unknown>): Promise<void> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the write was accepted').toBeInstanceOf(Error);
  const messages = [
    (error as Error).message,
    String((error as Error & { cause?: { message?: string } }).cause?.message),
  ];
  expect(messages.join(' | ')).toMatch(/row-level security/);
}

/** Runs `fn` in a transaction that is always rolled back; returns what `fn` returned. */
async function inRolledBackTransaction<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  let result: T | undefined;
  let ran = false;
  await expect(
    db.transaction(async (tx) => {
      result = await fn(tx);
      ran = true;
      tx.rollback();
    }),
  ).rejects.toBeInstanceOf(TransactionRollbackError);
  expect(ran).toBe(true);
  return result as T;
}

describe('tenant isolation (row-level security)', () => {
  let handle: DatabaseHandle;
  let db: Database;
  let a: SeededTenant;
  let b: SeededTenant;

  beforeAll(async () => {
    handle = await getTestDatabase();
    db = handle.db;
    a = await seedTenant(db);
    b = await seedTenant(db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('covers every tenant table of the catalog', async () => {
    expect([...a.tables].sort()).toEqual(await tenantTables(db));
  });

  it('shows a tenant exactly its own rows in every tenant table', async () => {
    for (const [own, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const problems = await withTenant(db, own.organizationId, async (tx) => {
        const found: string[] = [];
        for (const table of own.tables) found.push(...(await isolationProblems(tx, table, own, other)));
        return found;
      });
      expect(problems).toEqual([]);
    }
  });

  it('finds nothing of another tenant even when asked by id', async () => {
    const found = await withTenant(db, a.organizationId, (tx) =>
      tx.select({ id: posts.id }).from(posts).where(eq(posts.id, b.postId)),
    );
    expect(found).toEqual([]);
    const own = await withTenant(db, a.organizationId, (tx) =>
      tx.select({ content: posts.content }).from(posts).where(eq(posts.id, a.postId)),
    );
    expect(own).toEqual([{ content: `secret of ${a.slug}` }]);
  });

  it("updates and deletes nothing of another tenant's rows", async () => {
    await withTenant(db, a.organizationId, async (tx) => {
      for (const table of a.tables) {
        const ident = sql.identifier(table);
        const [filter, touch] =
          table === 'organizations'
            ? [sql`id = ${b.organizationId}`, sql`name = name`]
            : table === 'users'
              ? [sql`id = ${b.userId}`, sql`first_name = 'hijacked'`]
              : [sql`organization_id = ${b.organizationId}`, sql`organization_id = organization_id`];
        const updated = await queryRows(
          tx,
          sql`update ${ident} set ${touch} where ${filter} returning 1 as one`,
        );
        const deleted = await queryRows(tx, sql`delete from ${ident} where ${filter} returning 1 as one`);
        expect({ table, updated: updated.length, deleted: deleted.length }).toEqual({
          table,
          updated: 0,
          deleted: 0,
        });
      }
    });
    // B's data is intact: B still sees exactly its own seeded rows.
    const problems = await withTenant(db, b.organizationId, async (tx) => {
      const found: string[] = [];
      for (const table of b.tables) found.push(...(await isolationProblems(tx, table, b, a)));
      return found;
    });
    expect(problems).toEqual([]);
  });

  it("refuses to insert rows into another tenant's organization", async () => {
    const other = b.organizationId;
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx.insert(posts).values({ organizationId: other, content: 'planted' }),
      ),
    );
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx.insert(media).values({ organizationId: other, s3Key: `planted/${a.slug}`, mimeType: 'image/png' }),
      ),
    );
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx
          .insert(socialAccounts)
          .values({ organizationId: other, platform: 'sandbox', accountId: `planted-${a.slug}` }),
      ),
    );
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx
          .insert(notifications)
          .values({ organizationId: other, userId: b.userId, type: 'x', title: 'planted' }),
      ),
    );
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx.insert(auditLogs).values({ organizationId: other, action: 'create', resourceType: 'post' }),
      ),
    );
  });

  it('refuses to move an own row to another tenant', async () => {
    await expectRlsRefusal(() =>
      withTenant(db, a.organizationId, (tx) =>
        tx.update(posts).set({ organizationId: b.organizationId }).where(eq(posts.id, a.postId)),
      ),
    );
  });

  it('lets a tenant write its own rows', async () => {
    const [row] = await withTenant(db, a.organizationId, (tx) =>
      tx
        .insert(posts)
        .values({ organizationId: a.organizationId, content: 'own' })
        .returning({ id: posts.id }),
    );
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the system role see every organization', async () => {
    const rows = await withSystem(db, (tx) =>
      queryRows<{ org: string }>(
        tx,
        sql`select distinct organization_id::text as org from posts
             where organization_id in (${a.organizationId}, ${b.organizationId}) order by 1`,
      ),
    );
    expect(rows.map((row) => row.org)).toEqual([a.organizationId, b.organizationId].sort());
  });

  it('shows plume_app no tenant rows without the setting, before and after a tenant transaction', async () => {
    // One connection, so "after" really is the same session the tenant transaction used.
    const url = process.env.DATABASE_URL;
    const single = url ? await createDatabase({ url, max: 1 }) : handle;
    try {
      const countAsBareApp = () =>
        single.db.transaction(async (tx) => {
          await tx.execute(sql`set local role plume_app`);
          const counts: Record<string, number> = {};
          for (const table of a.tables) {
            const [row] = await queryRows<{ n: number }>(
              tx,
              sql`select count(*)::int as n from ${sql.identifier(table)}`,
            );
            counts[table] = row?.n ?? -1;
          }
          return counts;
        });
      const none = Object.fromEntries(a.tables.map((table) => [table, 0]));

      expect(await countAsBareApp()).toEqual(none);
      const seen = await withTenant(single.db, a.organizationId, (tx) =>
        tx.select({ id: posts.id }).from(posts),
      );
      expect(seen.length).toBeGreaterThan(0);
      // Inside, the policies' role and the tenant are both in force.
      const [inside] = await withTenant(single.db, a.organizationId, (tx) =>
        queryRows<{ setting: string; role: string }>(
          tx,
          sql`select current_setting('app.org_id', true) as setting, current_user as role`,
        ),
      );
      expect(inside).toEqual({ setting: a.organizationId, role: 'plume_app' });
      // The trap: after a transaction-local value ends, the setting reads '' (not NULL).
      const [after] = await queryRows<{ setting: string | null; role: string }>(
        single.db,
        sql`select current_setting('app.org_id', true) as setting, current_user as role`,
      );
      expect(after?.setting).toBe('');
      expect(after?.role).not.toBe('plume_app');
      expect(await countAsBareApp()).toEqual(none);
    } finally {
      if (single !== handle) await single.close();
    }
  });

  it('refuses an organization id that is not a UUID', async () => {
    await expect(withTenant(db, "' or true --", async () => 1)).rejects.toThrow(TypeError);
  });

  describe('proof that these checks fail when the policies are gone', () => {
    it('sees leakage when row-level security is switched off and the policies dropped', async () => {
      const problems = await inRolledBackTransaction(db, async (tx) => {
        await tx.execute(sql`drop policy tenant_isolation on posts`);
        await tx.execute(sql`drop policy system_access on posts`);
        await tx.execute(sql`alter table posts no force row level security`);
        await tx.execute(sql`alter table posts disable row level security`);
        await tx.execute(sql`set local role plume_app`);
        await tx.execute(sql`select set_config('app.org_id', ${a.organizationId}, true)`);
        const leaked = await tx.select({ id: posts.id }).from(posts).where(eq(posts.id, b.postId));
        expect(leaked).toHaveLength(1);
        return isolationProblems(tx, 'posts', a, b);
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(b.organizationId);
    });

    it('fails when only the tenant policy is dropped (the tenant loses its own rows)', async () => {
      const problems = await inRolledBackTransaction(db, async (tx) => {
        await tx.execute(sql`drop policy tenant_isolation on post_platforms`);
        await tx.execute(sql`set local role plume_app`);
        await tx.execute(sql`select set_config('app.org_id', ${a.organizationId}, true)`);
        return isolationProblems(tx, 'post_platforms', a, b);
      });
      expect(problems).toEqual(['post_platforms: sees organizations []']);
    });

    it('restores the policies on rollback', async () => {
      const rows = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from pg_policies
             where schemaname = 'public' and tablename in ('posts', 'post_platforms') and policyname = 'tenant_isolation'`,
      );
      expect(rows[0]?.n).toBe(2);
    });
  });
});
