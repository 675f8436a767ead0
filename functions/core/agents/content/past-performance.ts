import { normalizeHashtag, termsOf } from '../../analytics/text-terms';
import type { PostOutcome } from '../post-outcomes';

/** Figures younger than this are still growing: they would rank a fresh post unfairly low. */
export const MATURE_AFTER_MS = 3 * 86_400_000;

/** A past post with how it did against its own account's usual (1 = the account's median). */
export interface RatedPost {
  outcome: PostOutcome;
  /** Engagement per follower (else per impression) over the account's median of the same. */
  lift: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Mature posts with a figure, each rated against its own account: a large account's ordinary
 * post must not outrank a small account's best. Engagement per follower where the follower
 * count is known (it follows growth and drops), else per impression.
 */
export function ratePosts(outcomes: PostOutcome[]): RatedPost[] {
  const rateOf = (o: PostOutcome) => {
    if (o.engagement === null) return null;
    const base = o.followersAtPublish ?? o.impressions;
    return base && base > 0 ? o.engagement / base : null;
  };
  const mature = outcomes.filter(
    (o) =>
      o.asOf !== null && o.asOf.getTime() - o.publishedAt.getTime() >= MATURE_AFTER_MS && rateOf(o) !== null,
  );
  const byAccount = new Map<string, number[]>();
  for (const o of mature)
    byAccount.set(o.socialAccountId, [...(byAccount.get(o.socialAccountId) ?? []), rateOf(o)!]);
  const medians = new Map([...byAccount].map(([account, rates]) => [account, median(rates)]));
  return mature.map((outcome) => {
    const usual = medians.get(outcome.socialAccountId)!;
    return { outcome, lift: usual > 0 ? rateOf(outcome)! / usual : 1 };
  });
}

/** Share of `a`'s words that are in `b` and the reverse, averaged (0 = nothing in common). */
export function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const term of a) if (b.has(term)) common += 1;
  return (common / a.size + common / b.size) / 2;
}

/**
 * The organization's best past posts to show the model as examples of its voice: those that did
 * best against their account's usual, favouring the same networks and the brief's subject.
 */
export function bestExamples(
  rated: RatedPost[],
  options: { brief: string; platforms?: readonly string[]; limit: number },
): RatedPost[] {
  const briefTerms = termsOf(options.brief);
  const score = (post: RatedPost) =>
    post.lift *
    (0.5 + overlap(briefTerms, termsOf(post.outcome.text))) *
    (options.platforms && !options.platforms.includes(post.outcome.platform) ? 0.5 : 1);
  const seen = new Set<string>();
  return [...rated]
    .sort((a, b) => score(b) - score(a) || a.outcome.targetId.localeCompare(b.outcome.targetId))
    .filter((post) => {
      const key = post.outcome.text.trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, options.limit);
}

export interface HashtagEvidence {
  tag: string;
  posts: number;
  /** Median lift of the posts that carried it (1 = usual for their accounts). */
  medianLift: number;
  /** How much of the text's words the tag's posts share (0-1). */
  relevance: number;
}

const HASHTAG = /#([\p{L}\p{N}_]+)/gu;

export function hashtagsOf(text: string): string[] {
  return [...new Set([...text.matchAll(HASHTAG)].map((match) => normalizeHashtag(match[1]!)))];
}

/**
 * Hashtags of the organization's past posts with how those posts did and how near their
 * subject is to `text`: the evidence behind a suggestion. Tags used fewer than `minPosts`
 * times say nothing yet and are left out.
 */
export function hashtagEvidence(rated: RatedPost[], text: string, minPosts = 2): HashtagEvidence[] {
  const textTerms = termsOf(text);
  const byTag = new Map<string, { lifts: number[]; terms: Set<string> }>();
  for (const post of rated)
    for (const tag of hashtagsOf(post.outcome.text)) {
      const entry = byTag.get(tag) ?? { lifts: [], terms: new Set<string>() };
      entry.lifts.push(post.lift);
      for (const term of termsOf(post.outcome.text)) entry.terms.add(term);
      byTag.set(tag, entry);
    }
  return [...byTag]
    .filter(([, entry]) => entry.lifts.length >= minPosts)
    .map(([tag, entry]) => ({
      tag,
      posts: entry.lifts.length,
      medianLift: Math.round(median(entry.lifts) * 100) / 100,
      relevance: Math.round(overlap(textTerms, entry.terms) * 100) / 100,
    }))
    .sort(
      (a, b) =>
        b.medianLift * (0.5 + b.relevance) - a.medianLift * (0.5 + a.relevance) || a.tag.localeCompare(b.tag),
    );
}
