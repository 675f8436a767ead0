/**
 * The patterns planted in a seeded history, as data (README.md, "Planted patterns"): what the
 * analytics and the AI agents should find, to measure them against. Instants are ISO strings
 * (UTC), weekdays 0 = Sunday ... 6 = Saturday in the account's own zone.
 */
export interface HistoryGroundTruth {
  seed: string;
  organizationId: string;
  from: string;
  to: string;
  accounts: GroundTruthAccount[];
  viralPost: {
    handle: string;
    socialAccountId: string;
    postId: string;
    platformPostId: string;
    publishedAt: string;
    /** The model's virality factor of the post (ordinary posts of the history stay within `ordinaryViralityMax`). */
    virality: number;
    ordinaryViralityMax: number;
  } | null;
  drop: {
    handle: string;
    socialAccountId: string;
    at: string;
    /** Followers (and so reach and engagement) are multiplied by this from `at` on. */
    factor: number;
    cause: string;
  } | null;
  seasons: { name: string; from: string; to: string; activityFactor: number; postingFactor: number }[];
  crisis: {
    from: string;
    to: string;
    topic: string;
    mentions: number;
    negative: number;
    /** Mentions per hour outside the crisis, on average, and inside it. */
    baselinePerHour: number;
    crisisPerHour: number;
  } | null;
  competitors: { handle: string; name: string; postsPerWeek: number }[];
  counts: HistoryCounts;
}

export interface GroundTruthAccount {
  handle: string;
  socialAccountId: string;
  timeZone: string;
  /** The weekday and hour (local) in which posts do best: the audience's peak. */
  peak: { weekday: number; hour: number };
  /** The weekly slots (local) the account posts in, the peak among them. */
  slots: { weekday: number; hour: number }[];
  followers: { atStart: number; atEnd: number };
  postsPerWeek: number;
}

export interface HistoryCounts {
  sandboxAccounts: number;
  socialAccounts: number;
  posts: number;
  snapshots: number;
  accountMetrics: number;
  audienceInsights: number;
  competitors: number;
  competitorPosts: number;
  mentions: number;
  /** Media rows uploaded (one card per topic used), and the posts that carry one. */
  media: number;
  postsWithMedia: number;
}
