import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../functions/db/client';
import { preparedQuery } from '../../functions/db/prepared-query';
import { queryRows } from '../../functions/db/rows';
import { organizations } from '../../functions/db/schema';
import { withSystem } from '../../functions/db/tenant';

/** Statements prepared on the one connection of `db` whose text mentions `marker`. */
async function preparedWith(db: Database, marker: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
  );
  return row!.n;
}

describe.skipIf(!process.env.DATABASE_URL)('prepared statements on PostgreSQL', () => {
  // drizzle asks postgres.js for unnamed statements, which cost a Parse + Describe round trip
  // before every Bind + Execute; functions/db/prepared-statements.ts prepares them once.
  it('keeps a parameterised drizzle query prepared on its connection, once', async () => {
    const handle = await createDatabase({ url: process.env.DATABASE_URL, max: 1 });
    try {
      const marker = `probe_${Date.now()}`;
      for (let i = 0; i < 3; i++) {
        await withSystem(handle.db, (tx) =>
          tx
            .select({ id: organizations.id, probe: sql<string>`${marker}::text`.as(marker) })
            .from(organizations)
            .where(eq(organizations.slug, `no-such-${i}`)),
        );
      }
      expect(await preparedWith(handle.db, marker)).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it('prepares nothing when the connection says not to (RDS Proxy)', async () => {
    const handle = await createDatabase({ url: process.env.DATABASE_URL, max: 1, prepare: false });
    try {
      const marker = `unprepared_${Date.now()}`;
      await withSystem(handle.db, (tx) =>
        tx
          .select({ probe: sql<string>`${marker}::text`.as(marker) })
          .from(organizations)
          .where(eq(organizations.slug, 'nobody')),
      );
      expect(await preparedWith(handle.db, marker)).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('builds a prepared query once and runs it in each caller’s transaction with its values', async () => {
    const handle = await createDatabase({ url: process.env.DATABASE_URL, max: 2 });
    let builds = 0;
    const bySlug = preparedQuery('organization_by_slug', (tx) => {
      builds += 1;
      return tx
        .select({ id: organizations.id, inTransaction: sql<string>`txid_current()::text` })
        .from(organizations)
        .where(eq(organizations.slug, sql.placeholder('slug')));
    });
    try {
      const first = await withSystem(handle.db, async (tx) => ({
        rows: await bySlug(tx, { slug: 'nobody-1' }),
        id: (await queryRows<{ id: string }>(tx, sql`select txid_current()::text as id`))[0]!.id,
      }));
      const second = await withSystem(handle.db, async (tx) => {
        const [row] = await queryRows<{ id: string; slug: string }>(
          tx,
          sql`insert into organizations (name, slug) values ('Prepared', ${`prepared-${Date.now()}`}) returning id, slug`,
        );
        const rows = await bySlug(tx, { slug: row!.slug });
        // Runs inside this transaction: it sees the uncommitted row.
        expect(rows).toEqual([{ id: row!.id, inTransaction: expect.any(String) }]);
        await tx.execute(sql`delete from organizations where id = ${row!.id}`);
        return rows;
      });
      expect(first.rows).toEqual([]);
      expect(second).toHaveLength(1);
      expect(builds).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
