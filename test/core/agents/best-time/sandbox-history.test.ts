import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileMediaStore, LocalKeyCrypto, ManualClock, RandomIds } from '../../../../functions/adapters/local';
import { smartSchedule } from '../../../../functions/core/agents/best-time';
import { loadPostOutcomes, type PostOutcome } from '../../../../functions/core/agents/post-outcomes';
import { seedSandboxHistory } from '../../../../functions/core/sandbox-history';
import { createDatabase, type DatabaseHandle } from '../../../../functions/db/client';
import { migrateDatabase } from '../../../../functions/db/migrate';
import { withTenant } from '../../../../functions/db/tenant';
import { HISTORY_DEFAULTS, type HistoryGroundTruth } from '../../../../functions/platforms/sandbox/history';
import { createTestOrganization, readSnapshot } from '../../../support/db';

const NOW = new Date('2026-06-01T00:00:00Z');
const mediaDir = mkdtempSync(join(tmpdir(), 'plume-best-time-media-'));
let handle: DatabaseHandle;
let truth: HistoryGroundTruth;
let outcomes: PostOutcome[];

// A private PGlite even when DATABASE_URL is set: the Sandbox handles come from the slug, and a
// fixed slug (a fixed history, so fixed planted peaks and noise) can be seeded only once per database.
beforeAll(async () => {
  const snapshot = await readSnapshot('pgliteSnapshotPath');
  handle = snapshot
    ? await createDatabase({ memory: true, snapshot })
    : await createDatabase({ memory: true });
  if (!snapshot) await migrateDatabase(handle.db, handle.kind);
  const org = await createTestOrganization(handle.db, 'Best time');
  const media = new FileMediaStore({
    dataDir: mediaDir,
    publicUrl: 'https://plume.example',
    signingKey: randomBytes(32),
    clock: new ManualClock(NOW.toISOString()),
  });
  // The seeder uploads the posts' pictures through the media store.
  const ports = { db: handle.db, crypto: new LocalKeyCrypto(randomBytes(32)), ids: new RandomIds(), media };
  ({ groundTruth: truth } = await seedSandboxHistory(ports, {
    ...HISTORY_DEFAULTS,
    organizationId: org.organizationId,
    userId: org.userId,
    brand: 'Lighthouse',
    slug: 'lighthouse-best-time-test',
    months: 6,
    accounts: 2,
    seed: 'best-time-test',
    now: NOW,
    publicUrl: 'https://plume.example',
    raisePlanLimit: true,
  }));
  outcomes = await withTenant(handle.db, org.organizationId, (tx) =>
    loadPostOutcomes(tx, org.organizationId, { since: new Date(truth.from), until: NOW }),
  );
}, 120_000);

afterAll(async () => {
  await handle?.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('the smart scheduler on a seeded Sandbox history', () => {
  it("finds each account's planted audience peak, through the follower drop and the viral post", () => {
    const result = smartSchedule({
      outcomes,
      accounts: truth.accounts.map((a) => ({
        accountId: a.socialAccountId,
        platform: 'sandbox',
        timeZone: a.timeZone,
      })),
      now: NOW,
    });
    // The second account lost 55 % of its followers in the history; the first has the viral post.
    expect(truth.drop?.socialAccountId).toBe(truth.accounts[1]!.socialAccountId);
    expect(truth.viralPost?.socialAccountId).toBe(truth.accounts[0]!.socialAccountId);
    result.accounts.forEach((best, i) => {
      const planted = truth.accounts[i]!;
      expect(best.supported).toBe(true);
      expect(best.ranked[0]).toMatchObject({
        weekday: planted.peak.weekday,
        hour: planted.peak.hour,
        basis: 'posts',
      });
      // The generator makes the peak 2-3x the best slot 4 hours away; against the account's
      // typical post (its peak posts included) that is well over 1.5x.
      expect(best.ranked[0]!.multiplier).toBeGreaterThan(1.5);
      expect(best.evidence.baseline).toBe('followers');
      const backtest = best.backtest;
      if (!backtest.supported) throw new Error(backtest.reason);
      expect(backtest.improvement).toBeGreaterThan(0.5);
      expect(backtest.n.model).toBeGreaterThanOrEqual(5);
    });
  });

  it('plans a week of drafts into the peaks, spaced, in each audience zone', () => {
    const accounts = truth.accounts.map((a) => ({
      accountId: a.socialAccountId,
      platform: 'sandbox' as const,
      timeZone: a.timeZone,
    }));
    const drafts = accounts.flatMap((a, i) =>
      [1, 2, 3].map((n) => ({ id: `${i}-${n}`, socialAccountId: a.accountId })),
    );
    const { plan } = smartSchedule({ outcomes, accounts, drafts, now: NOW });
    expect(plan!.unplaced).toEqual([]);
    truth.accounts.forEach((planted) => {
      const own = plan!.planned.filter((p) => p.socialAccountId === planted.socialAccountId);
      expect(own).toHaveLength(3);
      // One of the three goes out in the peak hour, in the audience's zone.
      expect(
        own.some(
          (p) =>
            p.label.endsWith(`${String(planted.peak.hour).padStart(2, '0')}:00`) &&
            p.timeZone === planted.timeZone,
        ),
      ).toBe(true);
      const times = own.map((p) => new Date(p.at).getTime()).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i += 1)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3 * 3_600_000);
    });
  });
});
