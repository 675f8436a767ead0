import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { FileMediaStore, LocalKeyCrypto, ManualClock, RandomIds } from '../../../functions/adapters/local';
import { engagementPerPostSeries } from '../../../functions/core/agents/anomalies/engagement-series';
import { loadAccountReadings, readingSeries } from '../../../functions/core/agents/anomalies/load-account-readings';
import { loadPostGrowth } from '../../../functions/core/agents/anomalies/load-post-growth';
import type { AccountSeries } from '../../../functions/core/agents/anomalies/daily-series';
import type { PostGrowth } from '../../../functions/core/agents/anomalies/post-growth';
import { loadTrendTexts } from '../../../functions/core/agents/trends/load-trend-texts';
import type { TrendText } from '../../../functions/core/agents/trends/trend-texts';
import { loadPostOutcomes } from '../../../functions/core/agents/post-outcomes';
import { seedSandboxHistory } from '../../../functions/core/sandbox-history';
import { createDatabase, type DatabaseHandle } from '../../../functions/db/client';
import { migrateDatabase } from '../../../functions/db/migrate';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import { createDemoOrganization } from '../../../functions/local/demo-organization';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../functions/platforms/sandbox/history';

/** One seeded organization as the performance tracker and the trend analyzer read it, with what was planted. */
export interface SeededOrganization {
  seed: string;
  truth: HistoryGroundTruth;
  series: AccountSeries[];
  posts: PostGrowth[];
  texts: TrendText[];
  /** The planted viral post's published copy (the ground truth names the post). */
  viralTargetId: string | null;
}

export interface HistoryShape {
  seed: string;
  slug: string;
  months: number;
  accounts: number;
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
 * Seeds one organization with the real Sandbox history generator (as `npm run seed:history`
 * does) and reads it back through the agents' loaders. Hourly snapshots are kept for every
 * post (`hourlyRetentionDays` over the history), as a daily sweep would have seen each post's
 * first 48 hours when they happened. The generator leaves `competitor_posts` to the competitor
 * reader; the bench stores the competitors' Sandbox posts there as that reader would.
 */
export async function seedOrganization(handle: DatabaseHandle, shape: HistoryShape): Promise<SeededOrganization> {
  const mediaDir = await mkdtemp(join(tmpdir(), 'plume-bench-anomalies-'));
  try {
    const org = await createDemoOrganization(handle.db, { name: 'Anomalies bench', now: shape.now });
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
        seed: shape.seed,
        now: shape.now,
        publicUrl: 'http://localhost:3000',
        hourlyRetentionDays: shape.months * 31 + 1,
        raisePlanLimit: true,
      },
    );
    await withSystem(handle.db, (tx) =>
      tx.execute(sql`
        insert into competitor_posts (organization_id, competitor_id, external_id, text, published_at)
        select c.organization_id, c.id, p.id::text, p.text, p.published_at
          from competitors c join sandbox_posts p on p.handle = c.handle
         where c.organization_id = ${org.organizationId} and p.published_at < ${shape.now.toISOString()}::timestamptz`),
    );
    const since = new Date(shape.now.getTime() - (shape.months + 1) * 31 * 86_400_000);
    const window = { since, until: shape.now };
    return await withTenant(handle.db, org.organizationId, async (tx) => {
      const readings = await loadAccountReadings(tx, org.organizationId, {
        from: since.toISOString().slice(0, 10),
        to: shape.now.toISOString().slice(0, 10),
      });
      const outcomes = await loadPostOutcomes(tx, org.organizationId, window);
      const accounts = groundTruth.accounts.map((a) => a.socialAccountId);
      return {
        seed: shape.seed,
        truth: groundTruth,
        series: [
          ...readingSeries(readings),
          ...accounts.map((socialAccountId): AccountSeries => ({
            socialAccountId,
            metric: 'engagementPerPost',
            points: engagementPerPostSeries(outcomes, socialAccountId),
          })),
        ],
        posts: await loadPostGrowth(tx, org.organizationId, window),
        texts: await loadTrendTexts(tx, org.organizationId, window),
        viralTargetId: outcomes.find((o) => o.postId === groundTruth.viralPost?.postId)?.targetId ?? null,
      };
    });
  } finally {
    await rm(mediaDir, { recursive: true, force: true });
  }
}
