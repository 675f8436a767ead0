import type { Platform } from '../../../shared/platforms/catalog';
import type { Baseline, OrganizationHistory, SlotLift } from './account-history';
import { zoneOf } from './account-history';
import { localSlot, type LocalSlot } from './local-time';
import type { SentimentScorer } from './sentiment';
import { textFeatures, type TextFeatures } from './text-features';

/** A post to describe: a past published copy, or a draft with its planned time. */
export interface PostInput {
  socialAccountId: string;
  platform: Platform;
  text: string;
  mediaCount: number;
  /** Publication (or planned) instant. */
  publishedAt: Date;
  /** The account's followers then; null when unknown. */
  followersAtPublish: number | null;
}

/** The concepts the factors and suggestions speak of; each feature belongs to one. */
export type FeatureGroup =
  | 'timing'
  | 'length'
  | 'hashtags'
  | 'link'
  | 'question'
  | 'media'
  | 'sentiment'
  | 'audience'
  | 'recent level';

/**
 * The model's inputs, in order. Timing is a smooth daily curve shared by the organization
 * (two harmonics of the local hour: a morning/evening shape and a lunch bump) plus a weekend
 * flag, and the account's own weekday x hour lift (account-history.ts): audiences crowd in at
 * their own times, which one curve for all accounts cannot hold. Length is log-scaled with a
 * square term (too short and too long both do worse); hashtags have a square term (a few help,
 * many read as spam). Audience is log(followers now / followers of the baseline's posts): a
 * purge or a burst of growth shows the day it happens, where the trailing median takes
 * `baselinePosts` posts to catch up. Recent level is the baseline itself (log), so the model can
 * learn how far a hot or cold streak carries on. `derived` features are functions of another
 * (a square, an hour's harmonics): ranges are checked on what they derive from, not on them.
 */
export const FEATURES: readonly { name: string; group: FeatureGroup; derived?: true }[] = [
  { name: 'hour sin', group: 'timing', derived: true },
  { name: 'hour cos', group: 'timing', derived: true },
  { name: 'hour sin 2', group: 'timing', derived: true },
  { name: 'hour cos 2', group: 'timing', derived: true },
  { name: 'weekend', group: 'timing' },
  { name: 'slot lift', group: 'timing' },
  { name: 'log length', group: 'length' },
  { name: 'log length squared', group: 'length', derived: true },
  { name: 'hashtags', group: 'hashtags' },
  { name: 'hashtags squared', group: 'hashtags', derived: true },
  { name: 'link', group: 'link' },
  { name: 'question', group: 'question' },
  { name: 'media', group: 'media' },
  { name: 'extra media', group: 'media' },
  { name: 'sentiment', group: 'sentiment' },
  { name: 'audience', group: 'audience' },
  { name: 'recent level', group: 'recent level' },
];

export const SLOT_LIFT_INDEX = FEATURES.findIndex((f) => f.name === 'slot lift');

/** Hashtags past this count add nothing more to the feature (and to what the model extrapolates). */
const MAX_HASHTAGS = 8;
/** Length is centred on 120 characters, a middle-of-the-road post, so the square term is tame. */
const LENGTH_CENTRE = 120;

/** The edit-able parts of a post, as the suggestions change them. */
export interface PostContent {
  length: number;
  hashtags: number;
  links: number;
  question: boolean;
  mediaCount: number;
  sentiment: number;
}

/** One post described for the model: the feature values and what they were computed from. */
export interface FeatureRow {
  values: number[];
  content: PostContent;
  local: LocalSlot;
  timeZone: string;
  baseline: Baseline;
  slot: SlotLift;
  /** log(followers / the baseline posts' followers); 0 when either is unknown. */
  audience: number;
}

export function contentOf(post: PostInput, sentiment: SentimentScorer): PostContent {
  const text: TextFeatures = textFeatures(post.text);
  return { ...text, mediaCount: post.mediaCount, sentiment: sentiment(post.text) };
}

/** The feature vector of given content at a local time, with the account context. */
export function featureValues(
  content: PostContent,
  local: LocalSlot,
  context: { slot: SlotLift; audience: number; baseline: Baseline },
): number[] {
  const angle = (2 * Math.PI * local.fractionalHour) / 24;
  const logLength = Math.log((content.length + 1) / (LENGTH_CENTRE + 1));
  const hashtags = Math.min(content.hashtags, MAX_HASHTAGS);
  const media = Math.min(content.mediaCount, 4);
  return [
    Math.sin(angle),
    Math.cos(angle),
    Math.sin(2 * angle),
    Math.cos(2 * angle),
    local.weekday === 0 || local.weekday === 6 ? 1 : 0,
    context.slot.lift,
    logLength,
    logLength * logLength,
    hashtags,
    hashtags * hashtags,
    content.links > 0 ? 1 : 0,
    content.question ? 1 : 0,
    media > 0 ? 1 : 0,
    Math.max(0, media - 1),
    content.sentiment,
    context.audience,
    Math.log1p(context.baseline.engagement),
  ];
}

/**
 * Describes `post` as known at `knownAt` (its publication for a past post, "now" for a draft):
 * the baseline and slot lift come only from posts mature by then. Null when the account has no
 * baseline yet (the model has nothing to be relative to).
 */
export function featureRow(
  post: PostInput,
  history: OrganizationHistory,
  knownAt: Date,
  sentiment: SentimentScorer,
): FeatureRow | null {
  const baseline = history.baselineAt(post.socialAccountId, knownAt);
  if (baseline === null) return null;
  const timeZone = zoneOf(history.zones, post.socialAccountId);
  const local = localSlot(post.publishedAt, timeZone);
  const slot = history.slotLiftAt(post.socialAccountId, knownAt, local);
  const audience =
    post.followersAtPublish !== null && post.followersAtPublish > 0 && baseline.followers
      ? Math.log(post.followersAtPublish / baseline.followers)
      : 0;
  const content = contentOf(post, sentiment);
  return {
    values: featureValues(content, local, { slot, audience, baseline }),
    content,
    local,
    timeZone,
    baseline,
    slot,
    audience,
  };
}
