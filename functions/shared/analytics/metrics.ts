/**
 * The post metrics Plume keeps, as every network's counts are mapped onto them. Browser-safe:
 * the dashboard names them and explains the missing ones with the same words the API sends.
 */
export const POST_METRICS = [
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'clicks',
  'saves',
  'videoViews',
] as const;

export type PostMetricName = (typeof POST_METRICS)[number];

/** One snapshot's figures: a number, or null where the network gave none. */
export type PostMetricFigures = Record<PostMetricName, number | null>;

/** Why a figure is null, by metric (only the null ones appear). */
export type UnavailableMetrics = Partial<Record<PostMetricName, string>>;

/**
 * Why a network gives no figure for a metric, in words a person can act on (or at least
 * understand): each network's profile lists the metrics its API has no count for.
 */
export interface MetricAvailability {
  /** Where its figures come from (the API and call), stored with every snapshot. */
  source: string;
  unavailable: UnavailableMetrics;
}

/** When the network usually has the figure but left it out of this answer. */
export const NOT_RETURNED = 'The network returned no figure for this post in its last answer.';

/** What the analytics posts table can be sorted by: when a post went out, or one of its figures. */
export const POST_TABLE_SORTS = [
  'publishedAt',
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'clicks',
  'engagement',
  'engagementRate',
] as const;

export type PostTableSort = (typeof POST_TABLE_SORTS)[number];
