import { audienceActivity, localTimeWithOffset, safeOffsetMinutes } from './audience-activity';
import { audienceRhythm, rhythmBoost } from './audience-rhythm';
import { seasonalFactor } from './seasonal-calendar';
import { contentFeatures, type ContentFeatures } from '../../shared/platforms/sandbox/content-features';
import { meanOneLogNormal, seededNormals } from './seeded-random';

/**
 * The Sandbox network's engagement model, documented in README.md. Deterministic: the numbers
 * depend only on the post (id, content, audience snapshot, publication time) and the instant
 * asked about, so a fetch repeated at the same instant gives the same metrics and tests can
 * assert them. Pure (no I/O), so it also runs in the browser.
 */
export const ENGAGEMENT_MODEL = {
  /** Share of followers a post reaches over its life at full audience activity. */
  baseReachRate: 0.35,
  /** Sigma of the mean-one log-normal virality factor: median 0.37, top 1% above 9.9. */
  viralitySigma: 1.4,
  /** E-folding time of attention to a post, in hours, before the virality stretch. */
  lifetimeHours: 2,
  /** How much longer viral posts live: tau * (1 + stretch * max(0, ln V)). */
  viralLifetimeStretch: 0.3,
  /** Nothing accrues after this many hours. */
  horizonHours: 7 * 24,
  stepMinutes: 15,
  /** Everyone on the network: reach saturates toward it. */
  networkSize: 5_000_000,
  /** Replies and first comments are seen by this share of the audience of a top-level post. */
  followUpAudience: 0.12,
  /** Per-reach rates before content effects. */
  rates: {
    likes: 0.04,
    comments: 0.005,
    shares: 0.004,
    clicks: 0.004,
    linkClicks: 0.025,
    saves: 0.003,
    videoViews: 0.55,
  },
  /** Sigma of the per-metric log-normal noise (each post has its own like rate, share rate...). */
  rateNoiseSigma: 0.3,
} as const;

export interface SandboxPostSnapshot {
  id: string;
  kind: 'post' | 'reply' | 'comment';
  text: string;
  media: readonly { kind: 'image' | 'video' | 'gif' }[];
  /** Replies under this post (a thread); 0 for replies themselves. */
  threadReplies: number;
  publishedAt: Date;
  /** Audience size when it was published. */
  followers: number;
  /** The audience's IANA time zone. */
  timeZone: string;
  /**
   * The account that posted: its audience's weekly rhythm (audience-rhythm.ts) lifts activity
   * around its peak weekday and hour. Without it, the network-wide curve alone.
   */
  handle?: string;
}

export interface SandboxEngagement {
  impressions: number;
  reach: number;
  likes: number;
  comments: number;
  shares: number;
  clicks: number;
  saves: number;
  /** Only for posts with a video. */
  videoViews?: number;
}

/** The intermediate quantities of the model for one post, for explanations and tests. */
export interface EngagementProfile {
  features: ContentFeatures;
  /** Heavy-tailed, mean 1. */
  virality: number;
  /** Decay-weighted mean audience activity over the post's life: (0.05, 1] on the base curve, up to 1 + lift at an account's peak. */
  timing: number;
  /** Product of the content factors on reach. */
  content: number;
  /** E-folding lifetime of attention, hours. */
  lifetimeHours: number;
  /** Reach the post converges to. */
  finalReach: number;
  impressionsPerReach: number;
  /** Expected interactions per person reached, by metric. */
  rates: Omit<Record<keyof SandboxEngagement, number>, 'impressions' | 'reach'>;
  /** Cumulative attention at the end of each step, normalised to 1 at the horizon. */
  progress: Float64Array;
}

const STEP_MS = ENGAGEMENT_MODEL.stepMinutes * 60_000;
const STEPS = (ENGAGEMENT_MODEL.horizonHours * 60) / ENGAGEMENT_MODEL.stepMinutes;

/** Text length: best around 120 characters, never below 0.7 or above 1.1. */
function lengthFactor(length: number): number {
  const distance = Math.log((length + 1) / 120);
  return 0.7 + 0.4 * Math.exp(-(distance * distance) / (2 * 0.8 * 0.8));
}

function mediaFactor(f: ContentFeatures): number {
  if (f.videos > 0) return 1.5;
  if (f.images > 0) return 1.3 + 0.05 * Math.min(f.images - 1, 3);
  if (f.gifs > 0) return 1.35;
  return 1;
}

/** A few hashtags help discovery, many look like spam: peak at 3, floor 0.6. */
function hashtagFactor(count: number): number {
  if (count <= 3) return 1 + 0.08 * count;
  return Math.max(0.6, 1.24 - 0.07 * (count - 3));
}

export function contentReachFactor(f: ContentFeatures): number {
  return (
    lengthFactor(f.length) *
    mediaFactor(f) *
    hashtagFactor(f.hashtags) *
    (f.links > 0 ? 0.8 : 1) *
    (f.question ? 1.05 : 1) *
    (1 + 0.05 * Math.min(f.mentions, 3)) *
    (f.threadReplies > 0 ? 1.1 : 1)
  );
}

/** Computes everything about a post except the instant; `sandboxEngagement` reads it at a time. */
export function engagementProfile(post: SandboxPostSnapshot): EngagementProfile {
  const model = ENGAGEMENT_MODEL;
  const features = contentFeatures({ text: post.text, media: post.media, threadReplies: post.threadReplies });
  const normal = seededNormals(`sandbox-post:${post.id}`);
  const virality = meanOneLogNormal(normal(), model.viralitySigma);
  const noise = () => meanOneLogNormal(normal(), model.rateNoiseSigma);

  const lifetimeHours =
    model.lifetimeHours * (1 + model.viralLifetimeStretch * Math.max(0, Math.log(virality)));
  const tauMs = lifetimeHours * 3_600_000;
  const published = post.publishedAt.getTime();
  const progress = new Float64Array(STEPS);
  let weighted = 0;
  let unweighted = 0;
  let offsetHour = Number.NaN;
  let offset = 0;
  const rhythm = post.handle === undefined ? undefined : audienceRhythm(post.handle);
  for (let i = 0; i < STEPS; i += 1) {
    const middle = (i + 0.5) * STEP_MS;
    const decay = Math.exp(-middle / tauMs);
    const instant = published + middle;
    // The zone offset is looked up once per UTC hour, not per step.
    const utcHour = Math.floor(instant / 3_600_000);
    if (utcHour !== offsetHour) {
      offsetHour = utcHour;
      offset = safeOffsetMinutes(post.timeZone, instant);
    }
    const { weekday, hour } = localTimeWithOffset(instant, offset);
    const localDay = Math.floor((instant + offset * 60_000) / 86_400_000);
    const activity =
      (audienceActivity(weekday, hour) + (rhythm ? rhythmBoost(rhythm, weekday, hour) : 0)) *
      seasonalFactor(localDay);
    weighted += activity * decay;
    unweighted += decay;
    progress[i] = weighted;
  }
  for (let i = 0; i < STEPS; i += 1) progress[i] = (progress[i] as number) / weighted;
  const timing = weighted / unweighted;

  const content = contentReachFactor(features);
  const audience = post.followers * (post.kind === 'post' ? 1 : model.followUpAudience);
  const expected = audience * model.baseReachRate * timing * content * virality;
  const finalReach = model.networkSize * (1 - Math.exp(-expected / model.networkSize));

  const resonance = 1 + 0.15 * Math.log1p(virality);
  const hasMedia = features.images + features.videos + features.gifs > 0;
  const rates = {
    likes:
      model.rates.likes *
      (features.videos > 0 ? 1.3 : hasMedia ? 1.25 : 1) *
      (features.question ? 0.9 : 1) *
      resonance *
      noise(),
    comments:
      model.rates.comments * (features.question ? 2.5 : 1) * (features.mentions > 0 ? 1.3 : 1) * noise(),
    shares: model.rates.shares * (1 + 0.4 * Math.log1p(virality)) * (features.links > 0 ? 1.2 : 1) * noise(),
    clicks:
      (features.links > 0 ? model.rates.linkClicks : hasMedia ? model.rates.clicks * 3 : model.rates.clicks) *
      noise(),
    saves:
      model.rates.saves *
      (hasMedia ? 1.5 : 1) *
      (features.threadReplies > 0 ? 1.6 : 1) *
      (features.length > 200 ? 1.3 : 1) *
      noise(),
    videoViews: features.videos > 0 ? model.rates.videoViews * noise() : 0,
  };
  const impressionsPerReach = 1.15 + 0.1 * Math.log1p(virality);
  return {
    features,
    virality,
    timing,
    content,
    lifetimeHours,
    finalReach,
    impressionsPerReach,
    rates,
    progress,
  };
}

/** Share of the final reach accrued `elapsedMs` after publication: 0 at 0, 1 at the horizon, continuous, non-decreasing. */
export function accruedShare(profile: Pick<EngagementProfile, 'progress'>, elapsedMs: number): number {
  if (!(elapsedMs > 0)) return 0;
  const position = elapsedMs / STEP_MS;
  if (position >= STEPS) return 1;
  const step = Math.floor(position);
  const before = step === 0 ? 0 : (profile.progress[step - 1] as number);
  const after = profile.progress[step] as number;
  return before + (after - before) * (position - step);
}

/** The post's metrics at `at`. Integers; every one is non-decreasing in `at` and bounded. */
export function sandboxEngagement(
  post: SandboxPostSnapshot,
  at: Date,
  profile = engagementProfile(post),
): SandboxEngagement {
  const reach = profile.finalReach * accruedShare(profile, at.getTime() - post.publishedAt.getTime());
  // Nobody interacts twice in the same way: each count stays within the people reached.
  const count = (rate: number) => Math.floor(reach * Math.min(1, rate));
  const metrics: SandboxEngagement = {
    impressions: Math.floor(reach * profile.impressionsPerReach),
    reach: Math.floor(reach),
    likes: count(profile.rates.likes),
    comments: count(profile.rates.comments),
    shares: count(profile.rates.shares),
    clicks: count(profile.rates.clicks),
    saves: count(profile.rates.saves),
  };
  if (profile.features.videos > 0) metrics.videoViews = count(profile.rates.videoViews);
  return metrics;
}
