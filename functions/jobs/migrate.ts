import { loadEnv } from '../config/env';
import { createDatabaseFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * Deploy-time migration step (a CDK Trigger runs it on every deploy, before traffic
 * shifts). The SQL files are copied next to the bundle; MIGRATIONS_FOLDER points at them.
 */
export const handler = async (): Promise<{ applied: boolean }> => {
  const env = loadEnv();
  const database = await createDatabaseFromEnv(env);
  try {
    await migrateDatabase(database.db, database.kind, { migrationsFolder: process.env.MIGRATIONS_FOLDER });
    return { applied: true };
  } finally {
    await database.close();
  }
};
