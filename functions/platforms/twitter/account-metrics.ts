import * as z from 'zod';
import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics } from '../connector';
import { readRateLimit } from '../rate-limit-headers';
import { readBody, twitterCall, type TwitterRuntime } from './client';

const count = z.number().int().nonnegative().optional();
const me = z.object({
  data: z.object({
    id: z.string(),
    public_metrics: z
      .object({ followers_count: count, following_count: count, tweet_count: count })
      .optional(),
  }),
});

/**
 * The user's counts from `GET /2/users/me?user.fields=public_metrics` (scope `users.read`:
 * https://docs.x.com/x-api/users/user-lookup-me): followers, following and posts. X has no
 * account-level impressions in its API.
 */
export async function fetchTwitterAccountMetrics(
  runtime: TwitterRuntime,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const response = await twitterCall(runtime, {
    method: 'GET',
    path: '/2/users/me?user.fields=public_metrics',
    accessToken: credentials.accessToken,
    action: 'read the account',
  });
  const { data } = readBody(me, response, 'read the account');
  const now = runtime.context.clock.now();
  return {
    followers: data.public_metrics?.followers_count,
    following: data.public_metrics?.following_count,
    posts: data.public_metrics?.tweet_count,
    source: platformProfile('twitter').accountMetrics.source,
    fetchedAt: now,
    rateLimit: readRateLimit('twitter', response.headers, now),
  };
}
