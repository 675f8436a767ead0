import { describe, expect, it } from 'vitest';
import type { SweepOptions } from '../../functions/core/publishing/sweep-post-targets';
import type { SweepSummary } from '../../functions/jobs/sweep';
import { startLocalSweeper } from '../../functions/local/local-sweeper';
import { captureLogger } from '../support/logger';

const summary = (nextLeaseExpiry?: Date): SweepSummary => ({
  refired: 0,
  missed: 0,
  unconfirmed: 0,
  lookups: 0,
  skipped: false,
  ...(nextLeaseExpiry ? { nextLeaseExpiry } : {}),
});

describe('local sweeper', () => {
  it('sweeps at start as after a restart, then again when the next claim’s lease runs out', async () => {
    const calls: Array<{ at: number; options: SweepOptions }> = [];
    const t0 = Date.now();
    const sweeper = startLocalSweeper(
      async (options) => {
        calls.push({ at: Date.now() - t0, options });
        // The first sweep sees a live claim whose lease runs out in 300 ms.
        return summary(calls.length === 1 ? new Date(Date.now() + 300) : undefined);
      },
      captureLogger(),
      { intervalMs: 5 * 60_000, minDelayMs: 50 },
    );
    await sweeper.started;
    expect(calls).toEqual([{ at: expect.any(Number), options: { afterRestart: true } }]);
    expect(calls[0]!.at).toBeLessThan(100);
    await expect.poll(() => calls.length, { timeout: 2_000 }).toBe(2);
    expect(calls[1]!.options).toEqual({});
    // Woken by the lease, not by the 5-minute period.
    expect(calls[1]!.at).toBeGreaterThanOrEqual(250);
    expect(calls[1]!.at).toBeLessThan(1_500);
    await sweeper.stop();
  });

  it('keeps sweeping after a failed sweep, and stops cleanly', async () => {
    let calls = 0;
    const sweeper = startLocalSweeper(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database restarting');
        return summary();
      },
      captureLogger(),
      { intervalMs: 100, minDelayMs: 10 },
    );
    await expect.poll(() => calls, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    await sweeper.stop();
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(calls).toBe(after);
  });
});
