import { and, count, eq, isNull } from 'drizzle-orm';
import { sandboxPosts } from '../../db/schema';
import { withSystem } from '../../db/tenant';
import { sharesOf, type AudienceDemographics } from '../../shared/analytics/account-metrics';
import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics, AudienceReading } from '../connector';
import { followersAt } from './account';
import { authenticatedAccount } from './publish';
import type { SandboxRuntime } from './runtime';
import { seededUniforms } from './seeded-random';

/**
 * The simulated account's figures now: followers from the audience model (`followersAt`: the
 * starting audience grows by up to a quarter over the first year), the accounts it follows
 * (a stable tenth of its starting audience, at least 25), the posts it has (its top-level
 * posts in the Sandbox's own table), and a day's profile views (1.5 % of followers).
 */
export async function fetchSandboxAccountMetrics(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const account = await authenticatedAccount(runtime, credentials);
  const now = runtime.context.clock.now();
  const [row] = await withSystem(await runtime.database(), (tx) =>
    tx
      .select({ posts: count() })
      .from(sandboxPosts)
      .where(and(eq(sandboxPosts.handle, account.handle), isNull(sandboxPosts.replyToId))),
  );
  const followers = followersAt(account.followers, account.createdAt, now);
  return {
    followers,
    following: Math.max(25, Math.round(account.followers / 10)),
    posts: row?.posts ?? 0,
    impressions: Math.round(followers * 0.4),
    profileViews: Math.round(followers * 0.015),
    source: platformProfile('sandbox').accountMetrics.source,
    fetchedAt: now,
  };
}

/** The buckets the simulated audience is spread over, with their base weights. */
const AUDIENCE_MODEL = {
  age: {
    '13-17': 0.03,
    '18-24': 0.22,
    '25-34': 0.34,
    '35-44': 0.21,
    '45-54': 0.12,
    '55-64': 0.06,
    '65+': 0.02,
  },
  gender: { F: 0.5, M: 0.46, U: 0.04 },
  country: { US: 0.34, GB: 0.14, DE: 0.12, FR: 0.1, CA: 0.08, AU: 0.06, IN: 0.1, BR: 0.06 },
  city: {
    London: 0.2,
    'New York': 0.22,
    Berlin: 0.15,
    Paris: 0.13,
    Toronto: 0.1,
    Sydney: 0.08,
    Mumbai: 0.12,
  },
} as const;

/**
 * The simulated audience's make-up: the model's weights, each moved by up to ±30 % by draws
 * seeded with the handle, so every account has its own stable mix (documented in the Sandbox
 * README with the other planted patterns).
 */
export async function fetchSandboxAudience(
  runtime: SandboxRuntime,
  credentials: AccountCredentials,
): Promise<AudienceReading> {
  const account = await authenticatedAccount(runtime, credentials);
  const profile = platformProfile('sandbox').accountMetrics.audience;
  const demographics: AudienceDemographics = {};
  for (const [dimension, weights] of Object.entries(AUDIENCE_MODEL) as [
    keyof typeof AUDIENCE_MODEL,
    Record<string, number>,
  ][]) {
    const draw = seededUniforms(`sandbox-audience:${account.handle}:${dimension}`);
    const counts = Object.fromEntries(
      Object.entries(weights).map(([bucket, weight]) => [bucket, weight * (0.7 + 0.6 * draw()) * 10_000]),
    );
    demographics[dimension] = sharesOf(counts);
  }
  return {
    demographics,
    unavailable: { ...profile.unavailable },
    source: profile.source ?? 'Plume Sandbox',
    fetchedAt: runtime.context.clock.now(),
  };
}
