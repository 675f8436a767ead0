import { FEATURES, type FeatureGroup, type FeatureRow } from './features';
import { slotLabel } from './local-time';
import { varianceOf } from './ridge';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';
import type { FittedEngagementModel } from './train';

/** One reason the prediction differs from the account's typical post. */
export interface Factor {
  factor: FeatureGroup;
  /** The draft's value, in words. */
  value: string;
  /** The account's typical post, in words. */
  typical: string;
  /** Multiplier on engagement this factor accounts for, against the typical post. */
  multiplier: number;
  /** Its 95 % interval, from the coefficients' covariance. */
  interval: [number, number];
  /** Whether that interval excludes 1 (no effect). */
  supported: boolean;
  /** The same as a signed percentage, rounded. */
  percent: number;
  text: string;
}

const featureIndex = (name: string): number => FEATURES.findIndex((f) => f.name === name);
const share = (value: number): string => `${Math.round(value * 100)} % of its posts`;
const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;

function describe(
  group: FeatureGroup,
  row: FeatureRow,
  typical: readonly number[],
): { value: string; typical: string } {
  const at = (name: string) => typical[featureIndex(name)] as number;
  const { content } = row;
  switch (group) {
    case 'timing':
      return {
        value: `${slotLabel(row.local)} (${row.timeZone}), ${row.slot.posts} earlier posts in that hour`,
        typical: 'its usual times',
      };
    case 'length':
      return {
        value: `${content.length} characters`,
        typical: `about ${Math.round(121 * Math.exp(at('log length')) - 1)} characters`,
      };
    case 'hashtags':
      return { value: `${content.hashtags} hashtags`, typical: `${at('hashtags').toFixed(1)} on average` };
    case 'link':
      return { value: content.links > 0 ? 'a link' : 'no link', typical: `a link in ${share(at('link'))}` };
    case 'question':
      return {
        value: content.question ? 'a question' : 'no question',
        typical: `a question in ${share(at('question'))}`,
      };
    case 'media':
      return {
        value:
          content.mediaCount > 0
            ? `${content.mediaCount} attachment${content.mediaCount > 1 ? 's' : ''}`
            : 'no media',
        typical: `media in ${share(at('media'))}`,
      };
    case 'sentiment':
      return { value: `tone ${signed(content.sentiment)}`, typical: `tone ${signed(at('sentiment'))}` };
    case 'audience': {
      const change = Math.round((Math.exp(row.audience) - 1) * 100);
      return {
        value: `followers ${change >= 0 ? '+' : ''}${change} % against its recent posts' audience`,
        typical: 'the audience of its recent posts',
      };
    }
    case 'recent level':
      return {
        value: `recent median ${Math.round(row.baseline.engagement)} interactions`,
        typical: `${Math.round(Math.expm1(at('recent level')))} over its history`,
      };
  }
}

/**
 * Each concept's share of the prediction against the account's typical post (its mean feature
 * values in training): the sum over the concept's features of coefficient × (value − typical),
 * in log units, shown as a multiplier with its 95 % interval (the coefficients' covariance).
 * The three largest, either way; `supported` says whether the interval excludes "no effect", so
 * a large but uncertain factor is told as such. Linear in log space, so the multipliers of all
 * concepts multiply to the prediction's ratio to the typical post.
 */
export function topFactors(
  model: FittedEngagementModel,
  accountId: string,
  row: FeatureRow,
  count = 3,
): Factor[] {
  const typical = model.typical.get(accountId) ?? model.design.mean;
  const groups = new Map<FeatureGroup, { log: number; delta: number[] }>();
  const offset = model.design.platforms.length;
  const width = offset + model.design.active.length;
  model.design.active.forEach((j, k) => {
    const group = FEATURES[j]!.group;
    const entry = groups.get(group) ?? { log: 0, delta: Array<number>(width).fill(0) };
    const delta = ((row.values[j] as number) - (typical[j] as number)) / (model.design.sd[j] as number);
    entry.log += delta * (model.fit.coefficients[offset + k] as number);
    entry.delta[offset + k] = delta;
    groups.set(group, entry);
  });
  return [...groups]
    .filter(([, { log }]) => Math.abs(log) > 1e-9)
    .sort((a, b) => Math.abs(b[1].log) - Math.abs(a[1].log) || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([group, { log, delta }]) => {
      const words = describe(group, row, typical);
      const se = Math.sqrt(varianceOf(model.fit, delta));
      const z = SETTINGS.suggestionZ;
      const multiplier = Math.exp(log);
      const interval: [number, number] = [Math.exp(log - z * se), Math.exp(log + z * se)];
      const supported = interval[0] > 1 || interval[1] < 1;
      const percent = Math.round((multiplier - 1) * 100);
      return {
        factor: group,
        ...words,
        multiplier,
        interval,
        supported,
        percent,
        text:
          `${group[0]!.toUpperCase()}${group.slice(1)}: ${words.value} (typical: ${words.typical}) -> ` +
          `x${multiplier.toFixed(2)} (${percent >= 0 ? '+' : ''}${percent} %; 95 % x${interval[0].toFixed(2)} to x${interval[1].toFixed(2)}` +
          `${supported ? '' : ', not distinguishable from no effect'})`,
      };
    });
}
