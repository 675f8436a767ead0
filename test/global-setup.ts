import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../functions/db/client';
import { migrateDatabase } from '../functions/db/migrate';
import { requireChromium } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite data directory tarball, migrated: the database of every test file without DATABASE_URL. */
    pgliteSnapshotPath: string;
    /** PGlite data directory tarball of an empty cluster: for tests of migrations and of PGlite itself. */
    pgliteEmptySnapshotPath: string;
  }
}

/**
 * vitest globalSetup, once per run.
 *
 * With DATABASE_URL (CI, or a developer's PostgreSQL) the database is reset to an empty schema
 * and migrated once, so every test file starts from the committed migrations and never from a
 * previous run's leftovers.
 *
 * Without it, every test file gets its own in-memory PGlite (test/support/db.ts). A new PGlite
 * spends seconds in initdb before any migration starts, so one is made here and dumped twice,
 * empty and migrated; test files load a tarball instead (well under a second). The snapshots
 * are made in both modes: the PGlite-specific tests use the empty one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A run that includes the browser tests stops at once, with instructions, without Chromium.
  if (runsBrowserTests(process.argv.slice(2))) requireChromium();
  const folder = await mkdtemp(join(tmpdir(), 'plume-test-db-'));
  const emptyPath = join(folder, 'empty.tar');
  const migratedPath = join(folder, 'migrated.tar');
  const source = await createSnapshotSource();
  try {
    await writeFile(emptyPath, Buffer.from(await (await source.dumpDataDir()).arrayBuffer()));
    await migrateDatabase(source.db, source.kind);
    await writeFile(migratedPath, Buffer.from(await (await source.dumpDataDir()).arrayBuffer()));
  } finally {
    await source.close();
  }
  project.provide('pgliteEmptySnapshotPath', emptyPath);
  project.provide('pgliteSnapshotPath', migratedPath);

  const url = process.env.DATABASE_URL;
  if (url) await resetAndMigrate(url);
  return () => rm(folder, { recursive: true, force: true });
}

async function resetAndMigrate(url: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`
      drop schema if exists drizzle cascade;
      drop schema if exists public cascade;
      create schema public;
      grant usage on schema public to public;
    `);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const { db, kind, close } = await createDatabase({ url });
  try {
    await migrateDatabase(db, kind);
  } finally {
    await close();
  }
}

/** A plain in-memory PGlite plus its dump function (the Database handle hides the client). */
async function createSnapshotSource() {
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const client = new PGlite();
  await client.waitReady;
  return {
    db: drizzle(client),
    kind: 'pglite' as const,
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** True unless the command line names only test files or folders outside test/e2e. */
export function runsBrowserTests(args: string[]): boolean {
  const filters = args.filter((arg) => !arg.startsWith('-') && arg !== 'run' && !arg.endsWith('vitest.mjs'));
  return filters.length === 0 || filters.some((filter) => filter.includes('e2e'));
}
