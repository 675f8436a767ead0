import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMediaStore, LocalKeyCrypto, ManualClock, RandomIds } from '../../../functions/adapters/local';
import { loadAccountZones } from '../../../functions/core/agents/engagement-model/load-account-zones';
import type { ZoneLookup } from '../../../functions/core/agents/engagement-model';
import { loadPostOutcomes, type PostOutcome } from '../../../functions/core/agents/post-outcomes';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { createDatabase, type DatabaseHandle } from '../../../functions/db/client';
import { migrateDatabase } from '../../../functions/db/migrate';
import { withTenant } from '../../../functions/db/tenant';
import { createDemoOrganization } from '../../../functions/local/demo-organization';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';

/** One seeded organization's history as the predictor reads it, with what was planted. */
export interface SeededOrganization {
  seed: string;
  truth: HistoryGroundTruth;
  outcomes: PostOutcome[];
  zones: ZoneLookup;
}

export interface HistoryShape {
  seed: string;
  /** Names the Sandbox handles (global on the network): the same slug and seed write the same history. */
  slug: string;
  months: number;
  accounts: number;
  postsPerWeek: number;
  now: Date;
}

/** The database the bench seeds: DATABASE_URL when given, else an in-process PGlite. */
export async function benchDatabase(databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (databaseUrl) return createDatabase({ url: databaseUrl, max: 2 });
  const handle = await createDatabase({ memory: true });
  await migrateDatabase(handle.db, handle.kind);
  return handle;
}

/**
 * Seeds one organization with the real Sandbox history generator (a demo organization, as
 * `npm run seed:history` makes one) and reads it back through the agents' loaders: every
 * published copy with its latest figures, and each account's zone.
 */
export async function seedOrganization(
  handle: DatabaseHandle,
  shape: HistoryShape,
): Promise<SeededOrganization> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'plume-bench-engagement-'));
  try {
    const org = await createDemoOrganization(handle.db, { name: 'Engagement bench', now: shape.now });
    const { groundTruth } = await seedSandboxHistory(
      {
        db: handle.db,
        crypto: new LocalKeyCrypto(randomBytes(32)),
        ids: new RandomIds(),
        media: new FileMediaStore({
          dataDir: mediaDir,
          publicUrl: 'http://localhost:3000',
          signingKey: randomBytes(32),
          clock: new ManualClock(shape.now.toISOString()),
        }),
      },
      {
        ...HISTORY_DEFAULTS,
        organizationId: org.organizationId,
        userId: org.userId,
        brand: 'Northwind',
        slug: shape.slug,
        months: shape.months,
        accounts: shape.accounts,
        postsPerWeek: shape.postsPerWeek,
        competitors: 0,
        mentionsPerDay: 1,
        seed: shape.seed,
        now: shape.now,
        publicUrl: 'http://localhost:3000',
        raisePlanLimit: true,
      },
    );
    const since = new Date(shape.now.getTime() - 40 * 31 * 86_400_000);
    const { outcomes, zones } = await withTenant(handle.db, org.organizationId, async (tx) => ({
      outcomes: await loadPostOutcomes(tx, org.organizationId, { since, until: shape.now }),
      zones: await loadAccountZones(tx, org.organizationId),
    }));
    return { seed: shape.seed, truth: groundTruth, outcomes, zones };
  } finally {
    await rm(mediaDir, { recursive: true, force: true });
  }
}
