import { shuffle } from 'simple-statistics';
import { termsOf } from '../../../functions/core/analytics/text-terms';
import { seededUniform } from '../../../functions/core/agents/anomalies/seeded-random';
import { detectBursts } from '../../../functions/core/agents/trends/detect-bursts';
import { hashtagsOf } from '../../../functions/core/agents/trends/hashtags';
import { mostFrequentTerms, risingTerms } from '../../../functions/core/agents/trends/naive-trends';
import { trendBacktest, type TrendBacktestResult } from '../../../functions/core/agents/trends/backtest';
import type { TrendText } from '../../../functions/core/agents/trends/trend-texts';
import type { SeededOrganization } from './seed';

const DAY_MS = 86_400_000;
const LIMIT = 20;

/** 1-based rank of the first listed term that is one of `truth`; null when none is listed. */
const rankOf = (ranked: string[], truth: Set<string>): number | null => {
  const index = ranked.findIndex((t) => truth.has(t));
  return index < 0 ? null : index + 1;
};

export interface TrendCase {
  seed: string;
  case: string;
  model: number | null;
  mostFrequent: number | null;
  rising: number | null;
  /** The model's top three, for the reader. */
  top: string[];
}

/** Ranks of the three rankers for one window and truth. */
function ranks(seed: string, name: string, texts: TrendText[], window: { from: Date; to: Date }, truth: Set<string>): TrendCase {
  const bursts = detectBursts(texts, { window }).bursts.map((b) => b.term);
  return {
    seed,
    case: name,
    model: rankOf(bursts, truth),
    mostFrequent: rankOf(mostFrequentTerms(texts, window, LIMIT), truth),
    rising: rankOf(risingTerms(texts, window, { minSupport: 3, limit: LIMIT }), truth),
    top: bursts.slice(0, 3),
  };
}

/**
 * The planted crisis: the crisis topic's words (ground truth `crisis.topic`) in the day-long
 * windows that hold it, the first day alone (07:00 to midnight of the crisis) and both days.
 */
export function crisisCases(org: SeededOrganization): TrendCase[] {
  const crisis = org.truth.crisis;
  if (!crisis) return [];
  const truth = new Set([...termsOf(crisis.topic), ...hashtagsOf(crisis.topic)]);
  const firstDay = new Date(Math.floor(Date.parse(crisis.from) / DAY_MS) * DAY_MS);
  return [
    ranks(org.seed, 'crisis, first day', org.texts, { from: firstDay, to: new Date(firstDay.getTime() + DAY_MS) }, truth),
    ranks(org.seed, 'crisis, both days', org.texts, { from: firstDay, to: new Date(firstDay.getTime() + 2 * DAY_MS) }, truth),
  ];
}

/**
 * Bursts planted into the brand's own posts: in three-day windows at seeded places (before the
 * crisis), a new hashtag (#flashsale) added to 4 of the window's posts, or a word the brand and
 * its competitors already use most days ("webinar", from the event posts: about 0.8 texts a
 * day) added to 4 or to 8.
 */
export function plantedBurstCases(org: SeededOrganization, windows: number): TrendCase[] {
  const random = seededUniform(`trend-plant:${org.seed}`);
  const own = org.texts.filter((t) => t.source === 'ownPosts');
  const start = Date.parse(org.truth.from) + 40 * DAY_MS;
  const end = Date.parse(org.truth.crisis?.from ?? org.truth.to) - 10 * DAY_MS;
  const cases: TrendCase[] = [];
  for (let i = 0; i < windows; i += 1) {
    const from = new Date(Math.floor((start + random() * (end - start)) / DAY_MS) * DAY_MS);
    const window = { from, to: new Date(from.getTime() + 3 * DAY_MS) };
    const inWindow = own.filter((t) => t.at >= window.from && t.at < window.to);
    for (const [name, term, addition, uses] of [
      ['new hashtag', '#flashsale', ' #flashsale', 4],
      ['known word', 'webinar', ' Join the webinar.', 4],
      ['known word', 'webinar', ' Join the webinar.', 8],
    ] as const) {
      if (inWindow.length < uses) continue;
      const chosen = new Set(shuffle(inWindow, random).slice(0, uses).map((t) => t.key));
      const texts = org.texts.map((t) => (chosen.has(t.key) ? { ...t, text: t.text + addition } : t));
      cases.push(ranks(org.seed, `${name} in ${uses} posts`, texts, window, new Set([term])));
    }
  }
  return cases;
}

/** The analyzer's own backtest on the history's days before the crisis. */
export function trendBacktestOf(org: SeededOrganization): TrendBacktestResult {
  const crisis = org.truth.crisis;
  const end = crisis ? Math.floor(Date.parse(crisis.from) / DAY_MS) * DAY_MS : Date.parse(org.truth.to);
  return trendBacktest(org.texts, { window: { from: new Date(end - DAY_MS), to: new Date(end) }, windows: 30 });
}
