import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMediaStore, LocalKeyCrypto, ManualClock, RandomIds } from '../../../functions/adapters/local';
import { loadMentions, type LoadedMention } from '../../../functions/core/agents/crisis';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { createDatabase, type DatabaseHandle } from '../../../functions/db/client';
import { migrateDatabase } from '../../../functions/db/migrate';
import { withTenant } from '../../../functions/db/tenant';
import { createDemoOrganization } from '../../../functions/local/demo-organization';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';

export interface HistoryShape {
  seed: string;
  slug: string;
  months: number;
  mentionsPerDay: number;
  now: Date;
}

/** One seeded organization's mentions as the crisis manager loads them, and what was planted. */
export interface SeededMentions {
  shape: HistoryShape;
  truth: HistoryGroundTruth;
  crisis: { from: Date; to: Date };
  historyStart: Date;
  mentions: LoadedMention[];
}

/** The database the bench seeds: DATABASE_URL when given, else an in-process PGlite. */
export async function benchDatabase(databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (databaseUrl) return createDatabase({ url: databaseUrl, max: 2 });
  const handle = await createDatabase({ memory: true });
  await migrateDatabase(handle.db, handle.kind);
  return handle;
}

/**
 * Seeds one organization with the real Sandbox history generator (one account, few posts: the
 * mentions are what this bench reads) and reads its mentions back through `loadMentions`, with
 * the labels the generator stored.
 */
export async function seedMentions(handle: DatabaseHandle, shape: HistoryShape): Promise<SeededMentions> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'plume-bench-crisis-'));
  try {
    const org = await createDemoOrganization(handle.db, { name: 'Crisis bench', now: shape.now });
    const ports = {
      db: handle.db,
      crypto: new LocalKeyCrypto(randomBytes(32)),
      ids: new RandomIds(),
      media: new FileMediaStore({
        dataDir: mediaDir,
        publicUrl: 'http://localhost:3000',
        signingKey: randomBytes(32),
        clock: new ManualClock(shape.now.toISOString()),
      }),
    };
    const { groundTruth } = await seedSandboxHistory(ports, {
      ...HISTORY_DEFAULTS,
      organizationId: org.organizationId,
      userId: org.userId,
      brand: 'Northwind',
      slug: shape.slug,
      months: shape.months,
      accounts: 1,
      postsPerWeek: 2,
      competitors: 0,
      mentionsPerDay: shape.mentionsPerDay,
      seed: shape.seed,
      now: shape.now,
      publicUrl: 'http://localhost:3000',
      raisePlanLimit: true,
    });
    if (!groundTruth.crisis) throw new Error(`seed ${shape.seed}: no crisis was planted`);
    const historyStart = new Date(groundTruth.from);
    const mentions = await withTenant(handle.db, org.organizationId, (tx) =>
      loadMentions(tx, org.organizationId, historyStart, shape.now),
    );
    return {
      shape,
      truth: groundTruth,
      crisis: { from: new Date(groundTruth.crisis.from), to: new Date(groundTruth.crisis.to) },
      historyStart,
      mentions,
    };
  } finally {
    await rm(mediaDir, { recursive: true, force: true });
  }
}
