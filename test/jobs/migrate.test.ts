import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv, resetEnvCache } from '../../functions/config/env';
import { createDatabaseFromEnv } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';
import {
  HOSTILE_PASSWORD,
  postgresBinDir,
  sqlLiteral,
  startPrivatePostgres,
  type PrivatePostgres,
} from '../support/private-postgres';
import { startSecretsManagerServer, type SecretsManagerServer } from '../support/secrets-manager-server';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-0a1b2c-AbCdEf';
const MASTER_USER = 'plume_admin';

/**
 * The deploy-time migration against a PostgreSQL that really checks passwords (scram-sha-256,
 * like RDS), logging in as a master user whose RDS-managed password holds `%`, `@`, `:` and `/`.
 */
describe.skipIf(!postgresBinDir())('deploy-time migration with the RDS-managed master secret', () => {
  let cluster: PrivatePostgres;
  let secretsManager: SecretsManagerServer;
  const saved = { ...process.env };

  beforeAll(async () => {
    cluster = await startPrivatePostgres();
    const admin = postgres({
      host: cluster.host,
      port: cluster.port,
      database: 'postgres',
      username: cluster.admin.user,
      password: cluster.admin.password,
      max: 1,
      onnotice: () => undefined,
    });
    try {
      // What RDS provides: the rds_iam role, and a master user that may create roles (not a superuser).
      await admin.unsafe('CREATE ROLE rds_iam NOLOGIN');
      await admin.unsafe(
        `CREATE ROLE ${MASTER_USER} LOGIN CREATEROLE CREATEDB PASSWORD ${sqlLiteral(HOSTILE_PASSWORD)}`,
      );
      await admin.unsafe(`GRANT rds_iam TO ${MASTER_USER} WITH ADMIN OPTION`);
      await admin.unsafe(`CREATE DATABASE plume OWNER ${MASTER_USER}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    secretsManager = await startSecretsManagerServer({
      [SECRET_ARN]: JSON.stringify({ username: MASTER_USER, password: HOSTILE_PASSWORD }),
    });
  }, 60_000);

  afterAll(async () => {
    process.env = saved;
    resetEnvCache();
    await secretsManager?.close();
    await cluster?.stop();
  });

  it('the cluster refuses the password a URL decoder would make of it (so a login that works used the exact one)', async () => {
    const wrong = postgres({
      host: cluster.host,
      port: cluster.port,
      database: 'plume',
      username: MASTER_USER,
      password: HOSTILE_PASSWORD.replace('%41', 'A'),
      max: 1,
    });
    await expect(wrong`select 1`).rejects.toMatchObject({ code: '28P01' });
    await wrong.end({ timeout: 1 });
  });

  it('reads the secret, logs in with the password as given, migrates and creates the IAM login role', async () => {
    process.env = {
      ...saved,
      DB_HOST: cluster.host,
      DB_PORT: String(cluster.port),
      DB_NAME: 'plume',
      DB_USER: 'plume_lambda',
      DB_IAM_AUTH: 'false',
      DB_ADMIN_SECRET_ARN: SECRET_ARN,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
    };
    delete process.env.DATABASE_URL;
    delete process.env.MIGRATIONS_FOLDER;
    resetEnvCache();
    const { handler } = await import('../../functions/jobs/migrate');

    await expect(handler()).resolves.toEqual({ applied: true, loginRole: 'plume_lambda' });
    expect(secretsManager.requests).toEqual([SECRET_ARN]);

    // Connection settings from the environment (DB_HOST + PGPASSWORD) take the password as a field too.
    const { db, close } = await createDatabaseFromEnv(
      loadEnv({
        DB_HOST: cluster.host,
        DB_PORT: String(cluster.port),
        DB_NAME: 'plume',
        DB_USER: MASTER_USER,
        PGPASSWORD: HOSTILE_PASSWORD,
      }),
    );
    try {
      const [login] = await queryRows<{ can_login: boolean; app: boolean; system: boolean; iam: boolean }>(
        db,
        sql`select rolcanlogin as can_login,
                   pg_has_role('plume_lambda', 'plume_app', 'member') as app,
                   pg_has_role('plume_lambda', 'plume_system', 'member') as system,
                   pg_has_role('plume_lambda', 'rds_iam', 'member') as iam
            from pg_roles where rolname = 'plume_lambda'`,
      );
      expect(login).toEqual({ can_login: true, app: true, system: true, iam: true });
      const [migrations] = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      expect(migrations!.count).toBeGreaterThan(0);
    } finally {
      await close();
    }
  }, 60_000);
});
