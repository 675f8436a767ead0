/** What to generate (README.md, "Seeding a history"). */
export interface HistoryOptions {
  organizationId: string;
  /** The member who connected the accounts and wrote the posts. */
  userId: string;
  /** The brand's name, as posts and mentions spell it (the organization's name). */
  brand: string;
  /** The organization's slug: handles are made from it, so two organizations never share them. */
  slug: string;
  /** How far back the history goes, in months (1 to 36). */
  months: number;
  /** Connected sandbox accounts (1 to 500). */
  accounts: number;
  /** Posts per week of each account; `totalPosts` overrides it. */
  postsPerWeek: number;
  /** Posts over the whole history, spread evenly over the accounts (the bench's 20,000). */
  totalPosts?: number;
  /** Tracked competitors on the Sandbox (0 to 20). */
  competitors: number;
  /** Mentions of the brand per day outside the crisis. */
  mentionsPerDay: number;
  seed: string;
  /** The end of the history: nothing is published or measured after it. */
  now: Date;
  /** Plume's public URL, for the sandbox links (post URLs, profile URLs). */
  publicUrl: string;
  /**
   * Posts younger than this keep their raw hourly snapshots of the first 48 hours; older ones
   * keep only daily readings, as retention would have rolled them up.
   */
  hourlyRetentionDays: number;
  /**
   * Raise the organization's connected-account limit to fit (demo organizations, the bench);
   * otherwise the plan's limit holds and too many accounts are refused.
   */
  raisePlanLimit?: boolean;
  /** Progress lines (counts and rows per second); silent when absent. */
  onProgress?: (line: string) => void;
}

export const HISTORY_DEFAULTS = {
  months: 6,
  accounts: 4,
  postsPerWeek: 5,
  competitors: 3,
  mentionsPerDay: 4,
  seed: '42',
  hourlyRetentionDays: 30,
} as const;

export class HistoryOptionsError extends Error {}

/** Refuses options that cannot make a sensible history, saying which and why. */
export function checkHistoryOptions(options: HistoryOptions): void {
  const within = (name: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max)
      throw new HistoryOptionsError(`${name} must be between ${min} and ${max} (got ${value}).`);
  };
  within('months', options.months, 1, 36);
  within('accounts', options.accounts, 1, 500);
  within('postsPerWeek', options.postsPerWeek, 0.1, 50);
  if (options.totalPosts !== undefined) within('totalPosts', options.totalPosts, 1, 500_000);
  within('competitors', options.competitors, 0, 20);
  within('mentionsPerDay', options.mentionsPerDay, 0, 500);
  within('hourlyRetentionDays', options.hourlyRetentionDays, 0, 3650);
}
