import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { sql } from 'drizzle-orm';
import * as z from 'zod';
import { loadEnv, type Env } from '../config/env';
import { createDatabase, createDatabaseFromEnv, type DatabaseHandle } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const secrets = new SecretsManagerClient({});
const adminSecret = z.object({ username: z.string().min(1), password: z.string().min(1) });
const roleName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DB_USER must be a plain lower-case identifier');

/**
 * The master secret is rotated by RDS, so it is read afresh on every run, never cached. Its
 * password (any printable characters, `%` included) goes to the driver as a field: inside a
 * URL the driver would percent-decode it.
 */
async function connectAsAdmin(env: Env): Promise<DatabaseHandle> {
  if (!env.DB_ADMIN_SECRET_ARN || !env.DB_HOST) return createDatabaseFromEnv(env);
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: env.DB_ADMIN_SECRET_ARN }));
  const { username, password } = adminSecret.parse(JSON.parse(secret.SecretString ?? '{}'));
  return createDatabase({
    server: { host: env.DB_HOST, port: env.DB_PORT, user: username, password, database: env.DB_NAME },
    runtime: 'aws',
    connectTimeoutSeconds: env.DB_CONNECT_TIMEOUT_SECONDS,
  });
}

/**
 * Deploy-time migration step (a CDK Trigger runs it whenever the migrations or this bundle
 * change, before the functions that use the schema). It connects as the master user, applies
 * the committed SQL (copied next to the bundle; MIGRATIONS_FOLDER points at it), then makes
 * sure the IAM login role the other functions use exists and may become plume_app or
 * plume_system — never the owner, so row-level security always applies to it.
 */
export const handler = async (): Promise<{ applied: boolean; loginRole?: string }> => {
  const env = loadEnv();
  const database = await connectAsAdmin(env);
  try {
    await migrateDatabase(database.db, database.kind, { migrationsFolder: process.env.MIGRATIONS_FOLDER });
    if (!env.DB_ADMIN_SECRET_ARN) return { applied: true };
    const login = roleName.parse(env.DB_USER);
    await database.db.execute(
      sql.raw(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${login}') THEN
          CREATE ROLE ${login} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`),
    );
    await database.db.execute(sql.raw(`GRANT rds_iam TO ${login}`));
    await database.db.execute(sql.raw(`GRANT plume_app, plume_system TO ${login}`));
    await database.db.execute(
      sql.raw(`GRANT CONNECT ON DATABASE "${env.DB_NAME.replaceAll('"', '')}" TO ${login}`),
    );
    return { applied: true, loginRole: login };
  } finally {
    await database.close();
  }
};
