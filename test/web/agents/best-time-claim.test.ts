import { describe, expect, it } from 'vitest';
import { bestTimeClaim } from '../../../web/src/pages/agents/results/best-time-claim';

const figures = {
  supported: true as const,
  metric: 'typical engagement per follower',
  model: 0.012,
  baseline: 0.01,
  improvement: 0.2,
  interval: { low: 0.05, high: 0.36 },
  n: { model: 14, baseline: 22, train: 80, test: 40 },
  cut: '2026-01-05T00:00:00.000Z',
  k: 3,
  modelSlots: ['Tuesday 09:00'],
  baselineSlots: ['Monday 12:00'],
};

describe('bestTimeClaim: the backtest beside the advice', () => {
  it('says by how much the slots beat the usual times over the weeks since the cut, with the interval', () => {
    expect(bestTimeClaim(figures, '2026-03-30T00:00:00.000Z')).toBe(
      'Over your last 12 weeks these slots beat your usual times by 20 % (95 % interval 5 % to 36 %) on 14 posts in these slots and 22 at your usual times.',
    );
  });

  it('says a loss as a loss', () => {
    const worse = { ...figures, improvement: -0.08, interval: undefined };
    expect(bestTimeClaim(worse, '2026-01-19T00:00:00.000Z')).toBe(
      'Over your last 2 weeks these slots trailed your usual times by 8 % on 14 posts in these slots and 22 at your usual times.',
    );
  });

  it('says why there is no backtest instead of a figure', () => {
    expect(bestTimeClaim({ supported: false, reason: 'Too few posts after the cut.' }, null)).toBe(
      'No backtest: Too few posts after the cut.',
    );
  });
});
