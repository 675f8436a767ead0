/**
 * `npm run db:migrate`: applies pending migrations to the database the environment names
 * (DATABASE_URL, DB_HOST [+ DB_IAM_AUTH], or the local PGlite under PLUME_DATA_DIR).
 */
import { loadEnv } from '../config/env';
import { createDatabaseFromEnv } from './client';
import { migrateDatabase } from './migrate';

async function main(): Promise<void> {
  const env = loadEnv();
  const { db, kind, close } = await createDatabaseFromEnv(env);
  try {
    const target = kind === 'pglite' ? `PGlite at ${env.PLUME_DATA_DIR}` : 'PostgreSQL';
    const { applied } = await migrateDatabase(db, kind);
    if (applied.length === 0) console.log(`${target}: already up to date.`);
    else
      console.log(
        `${target}: applied ${applied.length} migration(s):\n${applied.map((tag) => `  ${tag}`).join('\n')}`,
      );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
