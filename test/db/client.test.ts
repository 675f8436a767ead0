import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../functions/config/env';
import { createDatabase, databaseOptionsFromEnv, postgresClientOptions } from '../../functions/db/client';
import { queryRows } from '../../functions/db/rows';
import { users } from '../../functions/db/schema';
import { readSnapshot } from '../support/db';

describe('postgresClientOptions', () => {
  it('waits as long as told for a connection (a paused Aurora takes ~15 s), 10 s by default', () => {
    expect(postgresClientOptions({ url: 'postgres://u@localhost/db' }).options.connect_timeout).toBe(10);
    const env = loadEnv({ DB_HOST: 'db.example.com', DB_CONNECT_TIMEOUT_SECONDS: '60' });
    expect(postgresClientOptions(databaseOptionsFromEnv(env)).options.connect_timeout).toBe(60);
  });

  it('keeps one connection per Lambda and a pool locally, closing idle connections', () => {
    const aws = postgresClientOptions({ url: 'postgres://u@localhost/db', runtime: 'aws' }).options;
    const local = postgresClientOptions({ url: 'postgres://u@localhost/db', runtime: 'local' }).options;
    expect(aws.max).toBe(1);
    expect(local.max).toBe(10);
    expect(aws.idle_timeout).toBeGreaterThan(0);
    expect(local.idle_timeout).toBeGreaterThan(0);
  });

  it('uses verified TLS for remote hosts unless the URL chooses', () => {
    expect(postgresClientOptions({ url: 'postgres://u@db.example.com/plume' }).options.ssl).toBe(
      'verify-full',
    );
    expect(postgresClientOptions({ url: 'postgres://u@127.0.0.1:5432/test' }).options.ssl).toBeUndefined();
    expect(postgresClientOptions({ url: 'postgres://u@localhost/test' }).options.ssl).toBeUndefined();
    expect(
      postgresClientOptions({ url: 'postgres://u@db.example.com/plume?sslmode=disable' }).options.ssl,
    ).toBeUndefined();
    expect(
      postgresClientOptions({ url: 'postgres://u@db.example.com/plume', ssl: 'require' }).options.ssl,
    ).toBe('require');
  });

  describe('with IAM authentication', () => {
    const keys = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;
    const saved = Object.fromEntries(keys.map((key) => [key, process.env[key]]));
    afterEach(() => {
      for (const key of keys) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    });

    it('signs a fresh RDS auth token as the password, over TLS', async () => {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
      delete process.env.AWS_SESSION_TOKEN;
      delete process.env.AWS_PROFILE;
      const { url, options } = postgresClientOptions({
        runtime: 'aws',
        iam: {
          host: 'plume.cluster-abc.eu-west-1.rds.amazonaws.com',
          port: 5432,
          user: 'plume',
          database: 'plume',
          region: 'eu-west-1',
        },
      });
      expect(url).toBeUndefined();
      expect(options).toMatchObject({
        host: 'plume.cluster-abc.eu-west-1.rds.amazonaws.com',
        user: 'plume',
        database: 'plume',
        ssl: 'verify-full',
        max: 1,
      });
      expect(typeof options.password).toBe('function');
      const password = options.password as () => Promise<string>;
      const token = await password();
      expect(token).toMatch(/^plume\.cluster-abc\.eu-west-1\.rds\.amazonaws\.com:5432\/\?/);
      const params = new URL(`https://${token}`).searchParams;
      expect(params.get('Action')).toBe('connect');
      expect(params.get('DBUser')).toBe('plume');
      expect(params.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/rds-db\/aws4_request$/);
      expect(params.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});

describe('databaseOptionsFromEnv', () => {
  it('prefers DATABASE_URL, then DB_HOST (IAM or password), then PGlite under PLUME_DATA_DIR', () => {
    expect(
      databaseOptionsFromEnv(loadEnv({ DATABASE_URL: 'postgres://x@h/d', PLUME_RUNTIME: 'aws' })),
    ).toEqual({
      url: 'postgres://x@h/d',
      runtime: 'aws',
      connectTimeoutSeconds: 10,
      prepare: true,
    });
    expect(
      databaseOptionsFromEnv(
        loadEnv({
          DB_HOST: 'cluster.example.com',
          DB_IAM_AUTH: 'true',
          DB_USER: 'plume',
          DB_NAME: 'plume',
          AWS_REGION: 'eu-west-1',
        }),
      ),
    ).toEqual({
      runtime: 'local',
      connectTimeoutSeconds: 10,
      prepare: true,
      iam: { host: 'cluster.example.com', port: 5432, user: 'plume', database: 'plume', region: 'eu-west-1' },
    });
    // A password is a field, never part of a URL the driver would percent-decode.
    expect(
      databaseOptionsFromEnv(
        loadEnv({ DB_HOST: 'cluster.example.com', DB_USER: 'plume', DB_NAME: 'main', PGPASSWORD: 'a%41b' }),
      ),
    ).toEqual({
      server: { host: 'cluster.example.com', port: 5432, user: 'plume', database: 'main', password: 'a%41b' },
      runtime: 'local',
      connectTimeoutSeconds: 10,
      prepare: true,
    });
    expect(databaseOptionsFromEnv(loadEnv({ PLUME_DATA_DIR: '/var/plume' }))).toEqual({
      dataDir: '/var/plume',
      runtime: 'local',
    });
  });
});

describe('createDatabase', () => {
  it('keeps PGlite data in its data directory across restarts', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'plume-pglite-')), 'data');
    try {
      // First start: an empty cluster (the global setup's dump of one, to skip initdb) written to disk.
      const first = await createDatabase({
        dataDir,
        snapshot: await readSnapshot('pgliteEmptySnapshotPath'),
      });
      expect(first.kind).toBe('pglite');
      await first.db.execute(sql`create table kept (value text)`);
      await first.db.execute(sql`insert into kept values ('still here')`);
      await first.close();

      const second = await createDatabase({ dataDir });
      const rows = await queryRows<{ value: string }>(second.db, sql`select value from kept`);
      await second.close();
      expect(rows).toEqual([{ value: 'still here' }]);
    } finally {
      await rm(join(dataDir, '..'), { recursive: true, force: true });
    }
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'prepares no named statement when told not to (behind RDS Proxy one would pin the connection)',
    async () => {
      const named = async (prepare: boolean) => {
        const handle = await createDatabase({ url: process.env.DATABASE_URL, runtime: 'aws', prepare });
        try {
          const probe = handle.db.select({ id: users.id }).from(users).limit(1).prepare('plume_probe');
          await probe.execute();
          await probe.execute();
          const [row] = await queryRows<{ n: number }>(
            handle.db,
            sql`select count(*)::int as n from pg_prepared_statements`,
          );
          return row!.n;
        } finally {
          await handle.close();
        }
      };
      expect(await named(true)).toBeGreaterThan(0);
      expect(await named(false)).toBe(0);
      const env = loadEnv({ DB_HOST: 'proxy.example.com', DB_PREPARED_STATEMENTS: 'false' });
      expect(postgresClientOptions(databaseOptionsFromEnv(env)).options.prepare).toBe(false);
    },
  );

  it.skipIf(!process.env.DATABASE_URL)('connects with postgres.js when given a URL', async () => {
    const handle = await createDatabase({ url: process.env.DATABASE_URL });
    try {
      expect(handle.kind).toBe('postgres');
      const rows = await queryRows<{ answer: number }>(handle.db, sql`select 42 as answer`);
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      await handle.close();
    }
  });
});
