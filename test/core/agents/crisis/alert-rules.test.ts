import { describe, expect, it } from 'vitest';
import { judgeHour, type WindowEvidence } from '../../../../functions/core/agents/crisis';
import { CALM, nextState } from '../../../../functions/core/agents/crisis/hysteresis';

/** A window with nothing unusual, to change one figure at a time. P-values are before the x4 (four windows). */
const ordinary: WindowEvidence = {
  hours: 3,
  fromHour: 1000,
  toHour: 1003,
  mentions: 6,
  expected: 6,
  negative: 1,
  labelled: 6,
  negativeShare: 1 / 6,
  baselineNegativeShare: 0.2,
  expectedNegative: 1.2,
  pNegativeVolume: 0.7,
  pVolume: 0.5,
  pNegativeShare: 0.6,
  zVolume: 0,
  pCombined: 0.5,
};
const judge = (change: Partial<WindowEvidence>) => judgeHour([{ ...ordinary, ...change }]).level;

describe('judgeHour', () => {
  it('ordinary is none', () => expect(judge({})).toBe('none'));

  it('crisis: volume (x4 <= 1e-4) and mix (x4 <= 1e-3) each shown, with 5 negatives or more', () => {
    expect(judge({ pVolume: 2.5e-5, pNegativeShare: 2.5e-4, negative: 5 })).toBe('crisis');
    expect(judge({ pVolume: 2.6e-5, pNegativeShare: 2.5e-4, negative: 5 })).toBe('watch');
    expect(judge({ pVolume: 2.5e-5, pNegativeShare: 2.5e-4, negative: 4 })).toBe('watch');
  });

  it('crisis: negative mentions surging (x4 <= 1e-6) with the mix at least mildly turned (x4 <= 0.05)', () => {
    expect(judge({ pNegativeVolume: 2.5e-7, pNegativeShare: 0.0125, pVolume: 0.2, negative: 6 })).toBe(
      'crisis',
    );
    // A viral moment: many more negatives because many more mentions, the mix as usual.
    expect(
      judge({ pNegativeVolume: 1e-9, pNegativeShare: 0.3, pVolume: 1e-9, negative: 8, negativeShare: 0.2 }),
    ).toBe('watch');
  });

  it('watch: a weaker spike with a turned mix, a negative turn alone, or an extreme burst not more positive than usual', () => {
    expect(judge({ pVolume: 2.5e-3, pNegativeShare: 0.0125, negative: 3 })).toBe('watch');
    expect(judge({ pNegativeShare: 2.5e-5, negative: 4 })).toBe('watch');
    expect(judge({ pVolume: 2.5e-7, negativeShare: null, labelled: 0, negative: 0 })).toBe('watch');
    // Praise: extreme volume, mix more positive than usual.
    expect(judge({ pVolume: 1e-12, negativeShare: 0.05, negative: 1 })).toBe('none');
  });

  it('picks the highest level over the windows, and the strongest window at that level', () => {
    const strong = {
      ...ordinary,
      hours: 6,
      pVolume: 1e-8,
      pNegativeShare: 1e-8,
      negative: 9,
      pCombined: 1e-14,
    };
    const weaker = {
      ...ordinary,
      hours: 3,
      pVolume: 1e-6,
      pNegativeShare: 1e-6,
      negative: 6,
      pCombined: 1e-10,
    };
    expect(judgeHour([ordinary, weaker, strong]).evidence.hours).toBe(6);
  });
});

describe('nextState (hysteresis)', () => {
  const verdict = (level: 'none' | 'watch' | 'crisis', fromHour = 1000) => ({
    level,
    evidence: { ...ordinary, fromHour },
  });

  it('rises at once, keeps its start, holds a crisis through watch-level hours, clears after 6 quiet hours', () => {
    let state = nextState(CALM, verdict('watch', 990), 6);
    expect(state).toEqual({ level: 'watch', startedHour: 990, quietHours: 0 });
    state = nextState(state, verdict('crisis', 995), 6);
    expect(state).toEqual({ level: 'crisis', startedHour: 990, quietHours: 0 });
    state = nextState(state, verdict('watch'), 6);
    expect(state.level).toBe('crisis');
    for (let i = 1; i <= 5; i += 1) {
      state = nextState(state, verdict('none'), 6);
      expect(state).toEqual({ level: 'crisis', startedHour: 990, quietHours: i });
    }
    // Evidence again before the sixth quiet hour: the count starts over.
    state = nextState(state, verdict('watch'), 6);
    expect(state.quietHours).toBe(0);
    for (let i = 0; i < 6; i += 1) state = nextState(state, verdict('none'), 6);
    expect(state).toEqual(CALM);
  });
});
