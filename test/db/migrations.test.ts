import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../functions/db/client';
import { defaultMigrationsFolder, migrateDatabase } from '../../functions/db/migrate';
import { queryRows } from '../../functions/db/rows';
import { getTestDatabase, readSnapshot } from '../support/db';

async function journalTags(): Promise<string[]> {
  const journal = JSON.parse(
    await readFile(join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

async function appliedCount(handle: DatabaseHandle): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n ?? -1;
}

describe('migrations', () => {
  let tags: string[];

  beforeAll(async () => {
    tags = await journalTags();
    expect(tags).toEqual(expect.arrayContaining(['0000_initial_schema', '0001_row_level_security']));
  });

  it('apply on a fresh PGlite from an explicit folder (as a Lambda bundle passes it), then are up to date', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'plume-migrations-'));
    // A brand-new cluster, loaded from the global setup's dump of one to skip initdb.
    const handle = await createDatabase({
      memory: true,
      snapshot: await readSnapshot('pgliteEmptySnapshotPath'),
    });
    try {
      await cp(defaultMigrationsFolder(), folder, { recursive: true });
      expect(await migrateDatabase(handle.db, handle.kind, { migrationsFolder: folder })).toEqual({
        applied: tags,
      });
      expect(await migrateDatabase(handle.db, handle.kind, { migrationsFolder: folder })).toEqual({
        applied: [],
      });
      expect(await appliedCount(handle)).toBe(tags.length);
      const [row] = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from posts`);
      expect(row?.n).toBe(0);
    } finally {
      await handle.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  describe('on the test database', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await getTestDatabase();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it('fail clearly, before touching the database, when the folder is missing', async () => {
      await expect(
        migrateDatabase(handle.db, handle.kind, { migrationsFolder: '/nonexistent/migrations' }),
      ).rejects.toThrow(/_journal\.json/);
    });

    it(`has every migration applied (kind: ${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, async () => {
      expect(handle.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
      expect(await migrateDatabase(handle.db, handle.kind)).toEqual({ applied: [] });
      expect(await appliedCount(handle)).toBe(tags.length);
    });
  });

  describe.skipIf(!process.env.DATABASE_URL)('on a fresh PostgreSQL database', () => {
    const name = `plume_migrate_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    let url: string;
    let admin: postgres.Sql;

    beforeAll(async () => {
      const baseUrl = process.env.DATABASE_URL ?? '';
      const parsed = new URL(baseUrl);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      admin = postgres(baseUrl, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`create database "${name}"`);
    });
    afterAll(async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    });

    it('lets two concurrent migrators apply each migration exactly once', async () => {
      const first = await createDatabase({ url, max: 2 });
      const second = await createDatabase({ url, max: 2 });
      try {
        const results = await Promise.all([
          migrateDatabase(first.db, first.kind),
          migrateDatabase(second.db, second.kind),
        ]);
        const applied = results.map((result) => result.applied).sort((x, y) => y.length - x.length);
        expect(applied).toEqual([tags, []]);
        expect(await appliedCount(first)).toBe(tags.length);
      } finally {
        await first.close();
        await second.close();
      }
    });
  });
});
