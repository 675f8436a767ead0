import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMediaStore, LocalKeyCrypto, ManualClock, RandomIds } from '../../../functions/adapters/local';
import { loadPostOutcomes, type PostOutcome } from '../../../functions/core/agents/post-outcomes';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { createDatabase, type DatabaseHandle } from '../../../functions/db/client';
import { migrateDatabase } from '../../../functions/db/migrate';
import { organizationMembers, organizations, users } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';

export interface SeededOrganization {
  seed: string;
  truth: HistoryGroundTruth;
  outcomes: PostOutcome[];
  seconds: number;
}

const PUBLIC_URL = 'http://localhost:3000';

/**
 * Sandbox histories on a private in-memory PGlite (always: the handles come from the
 * organization's slug and are global on the Sandbox, so fixed slugs keep every run's histories
 * the same, which a shared PostgreSQL seeded before would refuse). One organization per seed,
 * written by the real generator, read back through loadPostOutcomes as the pipeline reads it.
 */
export class BestTimeHistories {
  private constructor(
    private readonly handle: DatabaseHandle,
    private readonly mediaDir: string,
  ) {}

  static async open(): Promise<BestTimeHistories> {
    const handle = await createDatabase({ memory: true });
    await migrateDatabase(handle.db, handle.kind);
    return new BestTimeHistories(handle, await mkdtemp(join(tmpdir(), 'plume-bench-best-time-')));
  }

  async seed(
    seed: string,
    options: { now: Date; months: number; accounts: number },
  ): Promise<SeededOrganization> {
    const { db } = this.handle;
    const slug = `besttime-${seed}`;
    const org = await withSystem(db, async (tx) => {
      const [organization] = await tx
        .insert(organizations)
        .values({ name: `Best time ${seed}`, slug })
        .returning({ id: organizations.id });
      const [user] = await tx
        .insert(users)
        .values({
          email: `owner-${slug}@example.test`,
          organizationId: organization!.id,
          firstName: 'Bench',
          lastName: 'Owner',
          emailVerified: true,
        })
        .returning({ id: users.id });
      await tx
        .insert(organizationMembers)
        .values({ organizationId: organization!.id, userId: user!.id, role: 'admin' });
      return { organizationId: organization!.id, userId: user!.id };
    });
    const media = new FileMediaStore({
      dataDir: this.mediaDir,
      publicUrl: PUBLIC_URL,
      signingKey: randomBytes(32),
      clock: new ManualClock(options.now.toISOString()),
    });
    // The seeder uploads the posts' pictures through the media store.
    const ports = { db, crypto: new LocalKeyCrypto(randomBytes(32)), ids: new RandomIds(), media };
    const { groundTruth, seconds } = await seedSandboxHistory(ports, {
      ...HISTORY_DEFAULTS,
      ...org,
      brand: `Best time ${seed}`,
      slug,
      months: options.months,
      accounts: options.accounts,
      seed: `best-time-${seed}`,
      now: options.now,
      publicUrl: PUBLIC_URL,
      raisePlanLimit: true,
    });
    const outcomes = await withTenant(db, org.organizationId, (tx) =>
      loadPostOutcomes(tx, org.organizationId, {
        since: new Date(groundTruth.from),
        until: new Date(options.now.getTime() + 1),
      }),
    );
    return { seed, truth: groundTruth, outcomes, seconds };
  }

  async close(): Promise<void> {
    await this.handle.close();
    await rm(this.mediaDir, { recursive: true, force: true });
  }
}
