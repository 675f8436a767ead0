import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { desc, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import type { Database, DatabaseKind } from './client';

/** drizzle's own bookkeeping table, so `drizzle-kit migrate` and this runner agree on what ran. */
const drizzleSchema = pgSchema('drizzle');
const appliedMigrations = drizzleSchema.table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }),
});

/** Any constant works; it only has to be the same for every Plume migrator. ('plume:migrate') */
const MIGRATION_LOCK_KEY = 0x706c756d65;

export interface MigrateOptions {
  /**
   * Folder holding `meta/_journal.json` and the `.sql` files. Defaults to the folder next to
   * this source file; a Lambda bundle (one .mjs file) must copy the folder and pass its path.
   */
  migrationsFolder?: string;
}

export interface MigrationResult {
  /** Tags (file names without `.sql`) applied by this call, in order; empty when up to date. */
  applied: string[];
}

export function defaultMigrationsFolder(): string {
  // Resolved lazily: in a CommonJS bundle import.meta.url is empty and would throw at load time.
  return fileURLToPath(new URL('./migrations', import.meta.url));
}

function readJournalTags(folder: string): string[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((entry) => entry.tag);
}

/**
 * Applies the committed migrations that this database has not run yet.
 *
 * Same files, same bookkeeping and same rule as drizzle's `migrate()` (a migration runs when
 * its journal timestamp is newer than the last one recorded), but all of it, including the
 * creation of the bookkeeping table, runs in ONE transaction that first takes
 * `pg_advisory_xact_lock` on PostgreSQL. drizzle's `migrate()` reads the bookkeeping table
 * outside its transaction, so two migrators started together (parallel test workers, two
 * Lambdas at deploy) would both apply everything; and a session-level advisory lock cannot be
 * held across a pooled drizzle client (the lock and the work may land on different
 * connections, and with `max: 1` waiting for a second connection deadlocks). A transaction
 * pins one connection; the lock ends with it. PGlite is single-process and needs no lock.
 */
export async function migrateDatabase(
  db: Database,
  kind: DatabaseKind,
  options: MigrateOptions = {},
): Promise<MigrationResult> {
  const folder = options.migrationsFolder ?? defaultMigrationsFolder();
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const tags = readJournalTags(folder);

  return db.transaction(async (tx) => {
    if (kind === 'postgres') await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists "drizzle"`);
    await tx.execute(sql`
      create table if not exists "drizzle"."__drizzle_migrations" (
        id serial primary key,
        hash text not null,
        created_at bigint
      )`);
    const [last] = await tx
      .select({ createdAt: appliedMigrations.createdAt })
      .from(appliedMigrations)
      .orderBy(desc(appliedMigrations.createdAt))
      .limit(1);
    const applied: string[] = [];
    for (const [index, migration] of migrations.entries()) {
      if (last && Number(last.createdAt) >= migration.folderMillis) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.insert(appliedMigrations).values({ hash: migration.hash, createdAt: migration.folderMillis });
      applied.push(tags[index] ?? migration.hash);
    }
    return { applied };
  });
}
