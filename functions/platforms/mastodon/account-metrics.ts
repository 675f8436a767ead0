import * as z from 'zod';
import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics } from '../connector';
import { readRateLimit } from '../rate-limit-headers';
import { accountInstance, mastodonCall, readBody, type MastodonRuntime } from './client';

const count = z.number().int().nonnegative().optional();
const account = z.object({ followers_count: count, following_count: count, statuses_count: count });

/**
 * The account's counts from its Account entity (`GET /api/v1/accounts/verify_credentials`,
 * scope `read:accounts`: https://docs.joinmastodon.org/methods/accounts/#verify_credentials).
 * A server may hide counts (a user's "hide followers" setting answers 0, which Plume cannot
 * tell from a real 0; the network's own figure is kept as it says it).
 */
export async function fetchMastodonAccountMetrics(
  runtime: MastodonRuntime,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const response = await mastodonCall(runtime, {
    method: 'GET',
    instance: accountInstance(runtime, credentials),
    path: '/api/v1/accounts/verify_credentials',
    accessToken: credentials.accessToken,
    action: 'read the account',
  });
  const counts = readBody(account, response, 'read the account');
  const now = runtime.context.clock.now();
  return {
    followers: counts.followers_count,
    following: counts.following_count,
    posts: counts.statuses_count,
    source: platformProfile('mastodon').accountMetrics.source,
    fetchedAt: now,
    rateLimit: readRateLimit('mastodon', response.headers, now),
  };
}
