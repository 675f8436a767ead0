import twitterText from 'twitter-text';
import { designDelta, designRow } from './design';
import {
  FEATURES,
  featureValues,
  SLOT_LIFT_INDEX,
  type FeatureRow,
  type PostContent,
  type PostInput,
} from './features';
import { localSlot, slotLabel } from './local-time';
import { predictRow, varianceOf } from './ridge';
import { ENGAGEMENT_MODEL_SETTINGS as SETTINGS } from './settings';
import type { FittedEngagementModel } from './train';

export type EditKind = 'media' | 'hashtags' | 'link' | 'question' | 'length' | 'timing';

/** A change the user can make, with what the model expects it to do. */
export interface EditSuggestion {
  kind: EditKind;
  text: string;
  from: string;
  to: string;
  /** For timing: the suggested instant (UTC). */
  at?: string;
  /** Predicted engagement with the change. */
  engagement: number;
  /** Predicted change, percent, and its 95 % interval. */
  gainPercent: number;
  gainInterval: [number, number];
}

/** A change that looked better but whose gain the data cannot tell from nothing. */
export interface WithheldSuggestion extends EditSuggestion {
  reason: string;
}

interface Candidate {
  kind: EditKind;
  text: string;
  from: string;
  to: string;
  at?: Date;
  values: number[];
  /** Extra variance (log units) the change carries beyond the coefficients': the slot lifts' own noise. */
  extraVariance: number;
}

const HOUR_MS = 3_600_000;
const LENGTH_TARGETS = [40, 80, 120, 180, 250];
const percent = (log: number): number => Math.round(Math.expm1(log) * 1000) / 10;

/**
 * The row's values with only the edited concept's features taken from `fresh`: the others stay
 * as the prediction had them (clamped into training's ranges), so an edit changes one thing.
 */
function onlyGroup(row: FeatureRow, kinds: readonly EditKind[], fresh: number[]): number[] {
  return row.values.map((v, j) =>
    (kinds as readonly string[]).includes(FEATURES[j]!.group) ? (fresh[j] as number) : v,
  );
}

/** Characters a hashtag adds or removes: a space, "#" and the tag; the draft's own tags' mean, else 9. */
function hashtagLength(text: string): number {
  const tags = twitterText.extractHashtags(text);
  return tags.length > 0 ? tags.reduce((sum, tag) => sum + tag.length + 2, 0) / tags.length : 9;
}

function contentCandidates(row: FeatureRow, text: string): Candidate[] {
  const { content } = row;
  const context = { slot: row.slot, audience: row.audience, baseline: row.baseline };
  const edit = (
    kind: EditKind,
    words: string,
    from: string,
    to: string,
    change: Partial<PostContent>,
    alsoChanges: EditKind[] = [],
  ): Candidate => ({
    kind,
    text: words,
    from,
    to,
    values: onlyGroup(
      row,
      [kind, ...alsoChanges],
      featureValues({ ...content, ...change }, row.local, context),
    ),
    extraVariance: 0,
  });
  const perHashtag = hashtagLength(text);
  const out: Candidate[] = [];
  if (content.mediaCount === 0)
    out.push(edit('media', 'Add an image or a video', 'no media', '1 attachment', { mediaCount: 1 }));
  for (let hashtags = 0; hashtags <= 5; hashtags += 1)
    if (hashtags !== content.hashtags)
      out.push(
        edit(
          'hashtags',
          `Use ${hashtags} hashtag${hashtags === 1 ? '' : 's'} instead of ${content.hashtags}`,
          `${content.hashtags} hashtags`,
          `${hashtags} hashtags`,
          // A hashtag is text too: the length moves with the count, as it does in the posts learnt from.
          {
            hashtags,
            length: Math.max(0, Math.round(content.length + (hashtags - content.hashtags) * perHashtag)),
          },
          ['length'],
        ),
      );
  if (content.links > 0)
    out.push(
      edit(
        'link',
        'Leave the link out of the post (put it in a first comment or the profile)',
        'a link',
        'no link',
        {
          links: 0,
        },
      ),
    );
  out.push(
    content.question
      ? edit('question', 'Drop the question', 'a question', 'no question', { question: false })
      : edit('question', 'Ask the reader a question', 'no question', 'a question', { question: true }),
  );
  for (const length of LENGTH_TARGETS)
    if (Math.abs(length - content.length) > 0.2 * content.length)
      out.push(
        edit(
          'length',
          `${length < content.length ? 'Shorten' : 'Lengthen'} the text to about ${length} characters`,
          `${content.length} characters`,
          `about ${length} characters`,
          { length },
        ),
      );
  return out;
}

/**
 * The same post at each later hour of the coming week (the planned minute kept), in the
 * weekday-hour slots the account has published in at least `minSlotPosts` times: elsewhere the
 * timing would rest on the daily curve alone, fitted on other hours or other accounts'
 * audiences, which is extrapolation.
 */
function timingCandidates(
  model: FittedEngagementModel,
  post: PostInput,
  row: FeatureRow,
  knownAt: Date,
): Candidate[] {
  const offset = model.design.platforms.length;
  const k = model.design.active.indexOf(SLOT_LIFT_INDEX);
  const perUnit =
    k < 0 ? 0 : (model.fit.coefficients[offset + k] as number) / (model.design.sd[SLOT_LIFT_INDEX] as number);
  const slotVariance = (posts: number) =>
    (posts * model.fit.scale ** 2) / (posts + SETTINGS.slotShrinkage) ** 2;
  const out: Candidate[] = [];
  for (let hours = 1; hours < 168; hours += 1) {
    const at = new Date(post.publishedAt.getTime() + hours * HOUR_MS);
    const local = localSlot(at, row.timeZone);
    const slot = model.history.slotLiftAt(post.socialAccountId, knownAt, local);
    if (slot.posts < SETTINGS.minSlotPosts) continue;
    out.push({
      kind: 'timing',
      text: `Post on ${slotLabel(local)} (${row.timeZone}) instead of ${slotLabel(row.local)}`,
      from: slotLabel(row.local),
      to: slotLabel(local),
      at,
      values: onlyGroup(
        row,
        ['timing'],
        featureValues(row.content, local, { slot, audience: row.audience, baseline: row.baseline }),
      ),
      extraVariance: perUnit ** 2 * (slotVariance(slot.posts) + slotVariance(row.slot.posts)),
    });
  }
  return out;
}

/**
 * Counterfactual edits of a draft (add an image, fewer hashtags, another hour...), each
 * predicted by the model with everything else held, each changed value within what the
 * training posts held (no extrapolation). For each kind the best change is kept; it
 * is suggested only when its predicted gain is at least `minSuggestedGain` and the 95 %
 * interval of that gain excludes 0 (the coefficients' covariance, plus the slot lifts' own
 * noise for timing). Changes that pass the first test and not the second are returned as
 * withheld, with the reason, so "not enough evidence" is said rather than left out.
 */
export function editSuggestions(
  model: FittedEngagementModel,
  post: PostInput,
  row: FeatureRow,
  knownAt: Date,
): { suggestions: EditSuggestion[]; withheld: WithheldSuggestion[] } {
  const best = new Map<EditKind, { candidate: Candidate; gain: number }>();
  const inRange = (candidate: Candidate) =>
    candidate.values.every(
      (v, j) =>
        v === row.values[j] ||
        FEATURES[j]!.derived === true ||
        (v >= model.ranges[j]!.min - 1e-9 && v <= model.ranges[j]!.max + 1e-9),
    );
  for (const candidate of [
    ...contentCandidates(row, post.text),
    ...timingCandidates(model, post, row, knownAt),
  ]) {
    if (!inRange(candidate)) continue;
    const gain = predictRow(model.fit, designDelta(model.design, row.values, candidate.values));
    const current = best.get(candidate.kind);
    if (!current || gain > current.gain) best.set(candidate.kind, { candidate, gain });
  }
  const base =
    Math.log1p(row.baseline.engagement) +
    predictRow(model.fit, designRow(model.design, post.platform, row.values));
  const suggestions: EditSuggestion[] = [];
  const withheld: WithheldSuggestion[] = [];
  for (const { candidate, gain } of best.values()) {
    if (Math.expm1(gain) < SETTINGS.minSuggestedGain) continue;
    const se = Math.sqrt(
      varianceOf(model.fit, designDelta(model.design, row.values, candidate.values)) +
        candidate.extraVariance,
    );
    const z = SETTINGS.suggestionZ;
    const suggestion: EditSuggestion = {
      kind: candidate.kind,
      text: candidate.text,
      from: candidate.from,
      to: candidate.to,
      ...(candidate.at ? { at: candidate.at.toISOString() } : {}),
      engagement: Math.max(0, Math.expm1(base + gain)),
      gainPercent: percent(gain),
      gainInterval: [percent(gain - z * se), percent(gain + z * se)],
    };
    if (gain - z * se > 0) suggestions.push(suggestion);
    else
      withheld.push({
        ...suggestion,
        reason: `not supported by the history: the 95 % interval of the gain (${suggestion.gainInterval[0]} % to ${suggestion.gainInterval[1]} %) includes no change`,
      });
  }
  const byGain = (a: EditSuggestion, b: EditSuggestion) =>
    b.gainPercent - a.gainPercent || a.kind.localeCompare(b.kind);
  return { suggestions: suggestions.sort(byGain), withheld: withheld.sort(byGain) };
}
