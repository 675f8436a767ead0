import * as z from 'zod';
import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics } from '../connector';
import { readRateLimit } from '../rate-limit-headers';
import type { BlueskyRuntime } from './runtime';
import { readBody, xrpc } from './xrpc';

const profileView = z.object({
  did: z.string(),
  followersCount: z.number().int().nonnegative().optional(),
  followsCount: z.number().int().nonnegative().optional(),
  postsCount: z.number().int().nonnegative().optional(),
});

/**
 * The account's counts from the public AppView (`app.bsky.actor.getProfile`, no authentication:
 * https://docs.bsky.app/docs/api/app-bsky-actor-get-profile). Bluesky publishes no views.
 */
export async function fetchBlueskyAccountMetrics(
  runtime: BlueskyRuntime,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const response = await xrpc(runtime, {
    method: 'GET',
    base: runtime.endpoints.appview,
    nsid: 'app.bsky.actor.getProfile',
    params: { actor: credentials.accountId },
    action: 'read the account profile',
  });
  const profile = readBody(profileView, response, 'read the account profile');
  const now = runtime.context.clock.now();
  return {
    followers: profile.followersCount,
    following: profile.followsCount,
    posts: profile.postsCount,
    source: platformProfile('bluesky').accountMetrics.source,
    fetchedAt: now,
    rateLimit: readRateLimit('bluesky', response.headers, now),
  };
}
