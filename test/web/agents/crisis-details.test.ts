import { describe, expect, it } from 'vitest';
import { percent, readCrisisDetails } from '../../../web/src/pages/agents/crisis/crisis-details';

describe('readCrisisDetails', () => {
  it('reads the evidence, baseline and samples the crisis check stores', () => {
    const details = readCrisisDetails({
      level: 'crisis',
      evidence: {
        windowHours: 3,
        mentions: 42,
        expected: 6.5,
        ratio: 6.46,
        negative: 30,
        negativeShare: 0.75,
        baselineNegativeShare: 0.12,
      },
      baseline: { supported: true, days: 28 },
      samples: [
        {
          id: 'm1',
          platform: 'sandbox',
          content: 'Mouldy',
          url: null,
          at: '2026-01-01T00:00:00Z',
          score: -0.8,
        },
      ],
    });
    expect(details).toEqual({
      level: 'crisis',
      evidence: {
        windowHours: 3,
        mentions: 42,
        expected: 6.5,
        ratio: 6.46,
        negative: 30,
        negativeShare: 0.75,
        baselineNegativeShare: 0.12,
      },
      baseline: { supported: true, days: 28 },
      samples: [
        {
          id: 'm1',
          platform: 'sandbox',
          content: 'Mouldy',
          url: null,
          at: '2026-01-01T00:00:00Z',
          score: -0.8,
        },
      ],
    });
  });

  it('leaves out what is missing or malformed instead of showing it wrong', () => {
    const details = readCrisisDetails({
      level: 3,
      evidence: { windowHours: 3, mentions: 'many', expected: 2, negative: 1 },
      baseline: { supported: false, reason: 'Only 2 days of mentions' },
      samples: [{ id: 'm1' }, 'text', { id: 'm2', content: 'Fine' }],
    });
    expect(details.level).toBeNull();
    expect(details.evidence).toBeNull();
    expect(details.baseline).toEqual({ supported: false, reason: 'Only 2 days of mentions' });
    expect(details.samples).toEqual([
      { id: 'm2', content: 'Fine', platform: '', url: null, at: '', score: null },
    ]);
    expect(readCrisisDetails({})).toEqual({ level: null, evidence: null, baseline: null, samples: [] });
  });

  it('derives the ratio when absent and writes shares as percentages', () => {
    const details = readCrisisDetails({
      evidence: { windowHours: 1, mentions: 10, expected: 4, negative: 2, negativeShare: null },
    });
    expect(details.evidence?.ratio).toBe(2.5);
    expect(details.evidence?.negativeShare).toBeNull();
    expect(percent(0.755)).toBe('75.5 %');
    expect(percent(null)).toBe('—');
  });
});
