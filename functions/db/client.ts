import { mkdir } from 'node:fs/promises';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Env } from '../config/env';
import { retryConnects, type ConnectRetryOptions } from './connect-retry';
import { preparedStatements } from './prepared-statements';

/**
 * The database as every repository sees it: drizzle's driver-neutral `PgDatabase`, so the
 * same code runs on postgres.js (Aurora, CI) and on embedded PGlite (`npm start`, tests
 * without DATABASE_URL). A transaction (`tx`) is a `Database` too.
 *
 * Without drizzle's relational query API (`db.query.*`): nothing used it, and with the schema
 * given to drizzle every transaction built one query builder per table (33) before its first
 * statement, which showed in the request path's profile (PgDatabase's constructor and the GC
 * after it). Queries use the SQL-like builder (`tx.select()…`), typed from the tables.
 */
export type Database = PgDatabase<PgQueryResultHKT>;
export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseHandle {
  db: Database;
  kind: DatabaseKind;
  /** Ends the pool / closes PGlite. Lambdas never call it (the connection outlives the invocation). */
  close(): Promise<void>;
}

/** Aurora with IAM database authentication: a short-lived token is the password. */
export interface IamAuthOptions {
  host: string;
  port?: number;
  user: string;
  database: string;
  /** Defaults to the SDK's region resolution (AWS_REGION in Lambda). */
  region?: string;
}

/**
 * A server reached with a password. Every credential is its own field, never part of a URL:
 * postgres.js URL-decodes the user and password of a URL, so an RDS-generated password with
 * a `%` in it would throw a URIError or, worse, log in with a different password.
 */
export interface PasswordAuthOptions {
  host: string;
  port?: number;
  user: string;
  /** Unset: no password (trust or peer authentication). */
  password?: string;
  database: string;
}

export interface DatabaseOptions {
  /** postgres:// URL (DATABASE_URL, typed by a person). Wins over everything else. */
  url?: string;
  /** Connect to this host with IAM auth tokens (used when `url` is unset). */
  iam?: IamAuthOptions;
  /** Connect to this host with a password given as a field (used when `url` and `iam` are unset). */
  server?: PasswordAuthOptions;
  /** PGlite data directory (used when neither `url` nor `iam` is given). */
  dataDir?: string;
  /** PGlite in memory (tests). Also the default when no `dataDir` is given. */
  memory?: boolean;
  /**
   * PGlite only: start from a `dumpDataDir()` tarball instead of an empty cluster. Tests use a
   * migrated snapshot made once per run, which skips PGlite's slow first start (initdb).
   */
  snapshot?: Blob;
  /** `aws` keeps one connection per Lambda instance (one request at a time per instance). */
  runtime?: 'aws' | 'local';
  /** Pool size override; defaults to 1 in Lambda, 10 elsewhere. */
  max?: number;
  /** TLS override; by default TLS with certificate checks for every non-local host. */
  ssl?: postgres.Options<Record<string, postgres.PostgresType>>['ssl'];
  /** Set false behind RDS Proxy to avoid session pinning on prepared statements. */
  prepare?: boolean;
  /**
   * Seconds one connection attempt may take (default 10). A paused Aurora Serverless v2 holds
   * the first connection ~15 s while it resumes (30 s and more after a day asleep).
   */
  connectTimeoutSeconds?: number;
  /** Further attempts when a connection cannot be opened (default 1; see connect-retry.ts). */
  connectRetries?: number;
  /** Told about each retry (the Lambda container logs it). */
  onConnectRetry?: ConnectRetryOptions['onRetry'];
  /** PostgreSQL NOTICEs (ignored by default); the bench reads auto_explain's query plans through it. */
  onNotice?: (notice: postgres.Notice) => void;
}

type PostgresOptions = postgres.Options<Record<string, postgres.PostgresType>>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);

function hasSslParameter(url: URL): boolean {
  return url.searchParams.has('sslmode') || url.searchParams.has('ssl');
}

/**
 * postgres.js settings for a URL or IAM connection; pure except for the lazily created IAM
 * signer, so it is unit-tested.
 *
 * - `max: 1` in Lambda: an instance serves one request at a time, and every idle extra
 *   connection counts against Aurora's connection limit.
 * - `idle_timeout`: close idle connections so a scaled-to-zero Aurora Serverless v2 can
 *   pause (it never pauses while a connection is open).
 * - TLS `verify-full` for any non-local host unless the URL says otherwise (`sslmode=`).
 *   In Lambda (Node 20+) the RDS CA bundle must be trusted with
 *   NODE_EXTRA_CA_CERTS=/var/runtime/ca-cert.pem.
 * - IAM: postgres.js calls `password` for every new connection, and a token is only needed
 *   to open one (tokens live 15 minutes; open connections stay valid).
 */
export function postgresClientOptions(options: DatabaseOptions): { url?: string; options: PostgresOptions } {
  const aws = options.runtime === 'aws';
  const common: PostgresOptions = {
    max: options.max ?? (aws ? 1 : 10),
    idle_timeout: aws ? 60 : 30,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    prepare: options.prepare ?? true,
    // postgres.js prints NOTICEs (e.g. "schema already exists, skipping") to the console by default.
    onnotice: options.onNotice ?? (() => undefined),
    connection: { application_name: 'plume' },
  };
  if (options.url) {
    const parsed = new URL(options.url);
    const local = LOCAL_HOSTS.has(parsed.hostname) || parsed.searchParams.has('host');
    const ssl = options.ssl ?? (local || hasSslParameter(parsed) ? undefined : 'verify-full');
    return { url: options.url, options: ssl === undefined ? common : { ...common, ssl } };
  }
  if (options.server) {
    const { host, port, user, password, database } = options.server;
    const ssl = options.ssl ?? (LOCAL_HOSTS.has(host) ? undefined : 'verify-full');
    return {
      options: {
        ...common,
        host,
        port: port ?? 5432,
        user,
        database,
        // Always set, so postgres.js never falls back to PGPASSWORD from the process environment.
        password: password ?? '',
        ...(ssl === undefined ? {} : { ssl }),
      },
    };
  }
  if (options.iam) {
    const iam = options.iam;
    const port = iam.port ?? 5432;
    let signer: Promise<{ getAuthToken(): Promise<string> }> | undefined;
    const password = async (): Promise<string> => {
      signer ??= import('@aws-sdk/rds-signer').then(
        ({ Signer }) => new Signer({ hostname: iam.host, port, username: iam.user, region: iam.region }),
      );
      return (await signer).getAuthToken();
    };
    return {
      options: {
        ...common,
        host: iam.host,
        port,
        user: iam.user,
        database: iam.database,
        password,
        // IAM authentication is refused without TLS.
        ssl: options.ssl ?? 'verify-full',
      },
    };
  }
  throw new Error('postgresClientOptions needs a url, iam or server settings');
}

async function openPostgres(options: DatabaseOptions): Promise<DatabaseHandle> {
  const settings = postgresClientOptions(options);
  const client = settings.url ? postgres(settings.url, settings.options) : postgres(settings.options);
  const retrying = retryConnects(client, {
    retries: options.connectRetries ?? 1,
    onRetry: options.onConnectRetry,
  });
  const db: Database = drizzlePostgres(preparedStatements(retrying));
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

/**
 * PGlite is imported lazily so Lambda bundles (which always have a URL or IAM settings)
 * neither include nor load its WebAssembly build.
 */
async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const inMemory = options.memory === true || !options.dataDir;
  if (!inMemory && options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const client = new PGlite({
    ...(inMemory ? {} : { dataDir: options.dataDir }),
    ...(options.snapshot ? { loadDataDir: options.snapshot } : {}),
  });
  await client.waitReady;
  const db: Database = drizzlePglite(client);
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Opens the database: postgres.js for a URL, IAM or password settings, else embedded PGlite. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url || options.iam || options.server) return openPostgres(options);
  return openPglite(options);
}

/**
 * The settings `createDatabase` gets from the environment: DATABASE_URL, else DB_HOST (with
 * IAM tokens when DB_IAM_AUTH=true, else PGPASSWORD), else PGlite under PLUME_DATA_DIR.
 */
export function databaseOptionsFromEnv(env: Env): DatabaseOptions {
  const runtime = env.PLUME_RUNTIME;
  const connectTimeoutSeconds = env.DB_CONNECT_TIMEOUT_SECONDS;
  const prepare = env.DB_PREPARED_STATEMENTS === 'true';
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, runtime, connectTimeoutSeconds, prepare };
  if (env.DB_HOST) {
    if (env.DB_IAM_AUTH === 'true') {
      return {
        runtime,
        connectTimeoutSeconds,
        prepare,
        iam: {
          host: env.DB_HOST,
          port: env.DB_PORT,
          user: env.DB_USER,
          database: env.DB_NAME,
          region: env.AWS_REGION,
        },
      };
    }
    return {
      runtime,
      connectTimeoutSeconds,
      prepare,
      server: {
        host: env.DB_HOST,
        port: env.DB_PORT,
        user: env.DB_USER,
        database: env.DB_NAME,
        ...(env.PGPASSWORD === undefined ? {} : { password: env.PGPASSWORD }),
      },
    };
  }
  return { dataDir: env.PLUME_DATA_DIR, runtime };
}

export function createDatabaseFromEnv(env: Env): Promise<DatabaseHandle> {
  return createDatabase(databaseOptionsFromEnv(env));
}
