/**
 * The account-level figures Plume keeps per day (table `account_metrics`) and the audience
 * dimensions it keeps (`audience_insights.demographics`). Browser-safe: the dashboard names
 * them and explains the missing ones with the same words the API sends.
 */
export const ACCOUNT_METRICS = ['followers', 'following', 'posts', 'impressions', 'profileViews'] as const;

export type AccountMetricName = (typeof ACCOUNT_METRICS)[number];

/** Why an account figure is null, by metric (only the null ones appear). */
export type UnavailableAccountMetrics = Partial<Record<AccountMetricName, string>>;

/**
 * Audience dimensions: who the followers are. `function`, `seniority` and `industry` are
 * LinkedIn's professional dimensions of a Page's followers.
 */
export const AUDIENCE_DIMENSIONS = [
  'age',
  'gender',
  'country',
  'city',
  'locale',
  'function',
  'seniority',
  'industry',
] as const;

export type AudienceDimension = (typeof AUDIENCE_DIMENSIONS)[number];

/** Shares of the audience by dimension: bucket -> share 0..1 (the shares of a dimension add up to 1). */
export type AudienceDemographics = Partial<Record<AudienceDimension, Record<string, number>>>;

/** Why a dimension is missing, by dimension. */
export type UnavailableAudience = Partial<Record<AudienceDimension, string>>;

/**
 * What a network's API offers about an account, next to its post metrics in its profile: the
 * figures it has no count for (each with the reason shown where the figure would be), and its
 * audience make-up (`source` null where Plume reads none, the reason per dimension).
 */
export interface AccountMetricAvailability {
  /** The API call the daily reading comes from (`Mastodon API, GET /api/v1/accounts/verify_credentials`). */
  source: string;
  unavailable: UnavailableAccountMetrics;
  audience: { source: string | null; unavailable: UnavailableAudience };
}

/** Counts per bucket turned into shares 0..1 (rounded to 4 decimals); empty when nothing was counted. */
export function sharesOf(counts: Record<string, number>): Record<string, number> {
  const total = Object.values(counts).reduce((sum, value) => sum + Math.max(0, value), 0);
  if (total <= 0) return {};
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([, value]) => value > 0)
      .map(([bucket, value]) => [bucket, Math.round((value / total) * 10_000) / 10_000]),
  );
}

/** Every audience dimension with the same reason (a network that offers no demographics). */
export function noAudience(reason: string): UnavailableAudience {
  return Object.fromEntries(AUDIENCE_DIMENSIONS.map((dimension) => [dimension, reason]));
}
