import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtpAgent } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import { startPrivatePostgres } from '../../support/private-postgres';

/**
 * A whole Bluesky network in this process (@atproto/dev-env `TestNetwork`): PLC directory, PDS,
 * the AppView (`bsky`, the service behind public.api.bsky.app) indexing the PDS's firehose, and
 * Ozone, which dev-env always starts beside it. The AppView and Ozone keep their data in
 * PostgreSQL: a throwaway cluster of this network's own (test/support/private-postgres.ts), so
 * neither DATABASE_URL nor the test files sharing that server are touched, and dropping it
 * drops everything the network wrote there.
 */
export interface RealBlueskyNetwork {
  network: TestNetwork;
  /** The PDS: accounts, sessions, repositories. */
  pdsUrl: string;
  /** The AppView: profiles, feeds and counts, as public.api.bsky.app answers them. */
  appviewUrl: string;
  /** Waits until the AppView has indexed every write made so far. */
  indexed(): Promise<void>;
  /** Milliseconds each part took to start, for the test's report. */
  startup: { postgresMs: number; networkMs: number };
  close(): Promise<void>;
}

export interface NetworkAccount {
  did: string;
  handle: string;
  password: string;
  agent: AtpAgent;
}

export async function startBlueskyNetwork(): Promise<RealBlueskyNetwork> {
  const postgresStarted = Date.now();
  const postgres = await startPrivatePostgres();
  const postgresMs = Date.now() - postgresStarted;
  // dev-env writes each PDS's SQLite files and blobs under os.tmpdir(), under random names, and
  // one of its PDSes (the "third-party" one that hosts Ozone's service profile) is closed inside
  // create() where nothing can reach its folders: a TMPDIR of our own while it starts collects
  // them all in one folder to remove.
  const folder = await mkdtemp(join(tmpdir(), 'plume-bsky-network-'));
  const saved = { TMPDIR: process.env.TMPDIR, REDIS_HOST: process.env.REDIS_HOST };
  process.env.TMPDIR = folder;
  // create() asserts REDIS_HOST is set, then uses it nowhere (the AppView's config has no Redis
  // setting in @atproto/bsky 0.0.x); a name that cannot resolve keeps that true.
  process.env.REDIS_HOST = 'redis.invalid';
  const networkStarted = Date.now();
  let network: TestNetwork;
  try {
    network = await TestNetwork.create({
      dbPostgresUrl: `postgres://${postgres.admin.user}:${postgres.admin.password}@${postgres.host}:${postgres.port}/postgres`,
      dbPostgresSchema: 'plume',
    });
  } catch (error) {
    await postgres.stop();
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    restoreEnv(saved);
  }
  const networkMs = Date.now() - networkStarted;
  return {
    network,
    pdsUrl: network.pds.url,
    appviewUrl: network.bsky.url,
    indexed: () => network.processAll(),
    startup: { postgresMs, networkMs },
    async close() {
      try {
        // Destroying the AppView's firehose subscription while it is still indexing never
        // returns (@atproto/bsky 0.0.221; seen after a setup that failed half-way through its
        // writes): let it catch up first, and never wait on it past a deadline, so the
        // PostgreSQL server below is always stopped.
        await network.processAll(10_000).catch(() => undefined);
        await withDeadline(network.close(), 20_000, 'closing the Bluesky network');
      } finally {
        await postgres.stop();
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function restoreEnv(saved: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** Creates an account on the network's PDS (invites are off in dev-env) and signs an agent in. */
export async function createNetworkAccount(
  net: RealBlueskyNetwork,
  name: string,
  displayName?: string,
): Promise<NetworkAccount> {
  const agent = new AtpAgent({ service: net.pdsUrl });
  const handle = `${name}.test`;
  const password = `${name}-main-password`;
  await agent.createAccount({ handle, email: `${name}@example.com`, password });
  const did = agent.session?.did ?? '';
  if (displayName) {
    await agent.com.atproto.repo.putRecord({
      repo: did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName },
    });
  }
  return { did, handle, password, agent };
}
