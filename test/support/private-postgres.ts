import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * A throwaway PostgreSQL cluster of its own (initdb + postgres on a free port) that checks
 * passwords with scram-sha-256, as RDS does. The shared test server trusts every local
 * connection, so a wrong password would pass there unnoticed.
 */
export interface PrivatePostgres {
  host: string;
  port: number;
  /** Superuser of the cluster (database `postgres`). */
  admin: { user: string; password: string };
  stop(): Promise<void>;
}

const ADMIN = { user: 'cluster_admin', password: 'admin-password' };

/** The server binaries, or undefined where PostgreSQL is not installed. */
export function postgresBinDir(): string | undefined {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    return existsSync(join(dir, 'initdb')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` system user. */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('Running as root needs a `postgres` system user to run the test cluster');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function run(command: string, args: string[], user: ReturnType<typeof serverUser>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr}`)),
    );
  });
}

async function waitUntilReady(port: number, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log()}`);
    const probe = postgres({
      host: '127.0.0.1',
      port,
      database: 'postgres',
      username: ADMIN.user,
      password: ADMIN.password,
      max: 1,
      connect_timeout: 2,
      onnotice: () => undefined,
    });
    try {
      await probe`select 1`;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
}

/** Starts the cluster (about 2 s); call `stop()` when done. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (pg_config --bindir)');
  const user = serverUser();
  const root = await mkdtemp(join(tmpdir(), 'plume-private-pg-'));
  if (user) await chown(root, user.uid, user.gid);
  const dataDir = join(root, 'data');
  const passwordFile = join(root, 'admin-password');
  await writeFile(passwordFile, ADMIN.password);
  if (user) await chown(passwordFile, user.uid, user.gid);
  await run(
    join(bin, 'initdb'),
    [
      '--pgdata',
      dataDir,
      '--username',
      ADMIN.user,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-sync',
      '--no-instructions',
    ],
    user,
  );
  const port = await freePort();
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      root,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'password_encryption=scram-sha-256',
    ],
    { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT'); // fast shutdown
      await exited;
    }
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(port, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host: '127.0.0.1', port, admin: ADMIN, stop };
}

/** A password as RDS may generate one: every character that means something in a URL, and `%`. */
export const HOSTILE_PASSWORD = 'p%zz%41@:/?#[]&=+ ;\'"\\%';

/** `'…'` for a password in DDL (which takes no parameters). */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
