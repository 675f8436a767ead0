import { describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import { createThreadsConnector } from '../../../functions/platforms/threads';
import { platformProfile } from '../../../functions/shared/platforms/catalog';
import { rejection, useContainerStandIn } from '../support/meta-connector-suite';
import { graphError } from '../support/meta-graph-stand-in';
import {
  startThreadsStandIn,
  THREADS_TOKENS,
  THREADS_USER_ID,
  threadsEndpoints,
} from '../support/threads-stand-in';

const th = startThreadsStandIn();
const env = useContainerStandIn(th, {
  endpoints: threadsEndpoints,
  reset: () => {
    th.state.validToken = THREADS_TOKENS.long;
    th.state.userInsights = { followers_count: 5120 };
    th.state.appUsage = undefined;
  },
});
const connector = () => createThreadsConnector(env.context);
const credentials: AccountCredentials = {
  accountId: THREADS_USER_ID,
  accessToken: THREADS_TOKENS.long,
  scopes: [],
};
const insightsPath = new RegExp(`/v1\\.0/${THREADS_USER_ID}/threads_insights$`);

describe('Threads account metrics', () => {
  it('reads followers_count (a total value) from threads_insights with the bearer token', async () => {
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics).toEqual({
      followers: 5120,
      source: 'Threads API, threads_insights (followers_count)',
      fetchedAt: env.clock.now(),
      rateLimit: undefined,
    });
    const calls = th.server.calls('GET', insightsPath);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toEqual({ metric: 'followers_count' });
    expect(calls[0]?.headers.authorization).toBe(`Bearer ${THREADS_TOKENS.long}`);
  });

  it('following, posts and daily views are null with the profile’s reasons, never 0', async () => {
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics.following).toBeUndefined();
    expect(metrics.posts).toBeUndefined();
    expect(metrics.impressions).toBeUndefined();
    expect(metrics.profileViews).toBeUndefined();
    const reasons = platformProfile('threads').accountMetrics.unavailable;
    expect(reasons.following).toMatch(/no count of the accounts a profile follows/);
    expect(reasons.posts).toMatch(/no count of the posts/);
    expect(reasons.impressions).toMatch(/views per post/);
    expect(reasons.profileViews).toBeTruthy();
    expect(reasons.followers).toBeUndefined();
  });

  it('a followers figure Threads leaves out stays absent, not 0', async () => {
    th.state.userInsights = {};
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics.followers).toBeUndefined();
  });

  it('reads X-App-Usage into the rate-limit reading', async () => {
    th.state.appUsage = {
      call_count: 100,
      total_time: 5,
      total_cputime: 5,
      estimated_time_to_regain_access: 20,
    };
    expect((await connector().fetchAccountMetrics!(credentials)).rateLimit).toEqual({
      remaining: 0,
      limit: 100,
      resetAt: new Date(env.clock.now().getTime() + 20 * 60_000),
      exhausted: true,
    });
    th.state.appUsage = { call_count: 30, total_time: 5, total_cputime: 5 };
    expect((await connector().fetchAccountMetrics!(credentials)).rateLimit).toEqual({
      remaining: 70,
      limit: 100,
      exhausted: false,
    });
  });

  it('an expired token is auth; a missing insights permission is permanent; a throttle is rate_limited', async () => {
    th.state.validToken = 'rotated';
    expect(await rejection(connector().fetchAccountMetrics!(credentials))).toMatchObject({
      kind: 'auth',
      details: { platformCode: '463' },
    });
    th.state.validToken = THREADS_TOKENS.long;
    th.state.userInsights = undefined;
    expect((await rejection(connector().fetchAccountMetrics!(credentials))).kind).toBe('permanent');
    th.state.userInsights = { followers_count: 1 };
    th.server.failNext(
      'GET',
      insightsPath,
      graphError(400, { message: '(#4) Application request limit reached', code: 4 }),
    );
    expect((await rejection(connector().fetchAccountMetrics!(credentials))).kind).toBe('rate_limited');
  });
});
