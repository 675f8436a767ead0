import { describe, expect, it } from 'vitest';
import type { AccountCredentials } from '../../../functions/platforms/connector';
import { createInstagramConnector } from '../../../functions/platforms/instagram';
import {
  IG_TOKENS,
  IG_USER_ID,
  instagramEndpoints,
  startInstagramStandIn,
} from '../support/instagram-stand-in';
import { rejection, useContainerStandIn } from '../support/meta-connector-suite';
import { graphError } from '../support/meta-graph-stand-in';

const ig = startInstagramStandIn();
const defaults = {
  account: { ...ig.state.account },
  accountInsights: ig.state.accountInsights,
  demographics: ig.state.demographics,
};
const env = useContainerStandIn(ig, {
  endpoints: instagramEndpoints,
  reset: () => {
    ig.state.validToken = IG_TOKENS.long;
    Object.assign(ig.state, defaults, { appUsage: undefined });
  },
});
const connector = () => createInstagramConnector(env.context);
const credentials: AccountCredentials = { accountId: IG_USER_ID, accessToken: IG_TOKENS.long, scopes: [] };

describe('Instagram account metrics', () => {
  it("reads the IG User's counts and the day's views and profile views (total_value)", async () => {
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics).toEqual({
      followers: 4200,
      following: 310,
      posts: 128,
      impressions: 15800,
      profileViews: 240,
      source: 'Instagram Graph API, account fields and insights (views, profile_views)',
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
      rateLimit: undefined,
    });
    const [fields] = ig.server.calls('GET', new RegExp(`/${IG_USER_ID}$`));
    expect(fields?.query.fields).toBe('followers_count,follows_count,media_count');
    const [insights] = ig.server.calls('GET', new RegExp(`/${IG_USER_ID}/insights$`));
    expect(insights?.query).toMatchObject({
      metric: 'views,profile_views',
      period: 'day',
      metric_type: 'total_value',
    });
    expect(insights?.headers.authorization).toBe(`Bearer ${IG_TOKENS.long}`);
  });

  it('refused insights are null with Meta’s reason; the counts stand', async () => {
    ig.state.accountInsights = undefined;
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics.followers).toBe(4200);
    expect(metrics.impressions).toBeUndefined();
    expect(metrics.unavailable?.profileViews).toMatch(
      /^Instagram refused the account's insights: .*permission/,
    );
  });

  it('reads X-App-Usage: at 100 % the reading is exhausted for Meta’s stated wait', async () => {
    ig.state.appUsage = {
      call_count: 100,
      total_time: 20,
      total_cputime: 20,
      estimated_time_to_regain_access: 30,
    };
    const metrics = await connector().fetchAccountMetrics!(credentials);
    expect(metrics.rateLimit).toEqual({
      remaining: 0,
      limit: 100,
      resetAt: new Date('2025-06-01T12:30:00.000Z'),
      exhausted: true,
    });
    ig.state.appUsage = { call_count: 40, total_time: 10, total_cputime: 10 };
    expect((await connector().fetchAccountMetrics!(credentials)).rateLimit).toEqual({
      remaining: 60,
      limit: 100,
      exhausted: false,
    });
  });

  it('a throttled Graph (code 4) is rate_limited; an expired token is auth', async () => {
    ig.server.failNext(
      'GET',
      new RegExp(`/${IG_USER_ID}$`),
      graphError(400, { message: '(#4) Application request limit reached', code: 4 }),
    );
    expect((await rejection(connector().fetchAccountMetrics!(credentials))).kind).toBe('rate_limited');
    ig.state.validToken = 'another';
    expect((await rejection(connector().fetchAccountMetrics!(credentials))).kind).toBe('auth');
  });
});

describe('Instagram follower demographics', () => {
  it('asks follower_demographics once per breakdown and stores shares 0..1', async () => {
    const audience = await connector().fetchAudience!(credentials);
    const calls = ig.server.calls('GET', new RegExp(`/${IG_USER_ID}/insights$`));
    expect(calls.map((call) => call.query.breakdown)).toEqual(['age', 'gender', 'country', 'city']);
    expect(calls.every((call) => call.query.metric_type === 'total_value')).toBe(true);
    expect(audience.demographics).toEqual({
      age: { '18-24': 0.25, '25-34': 0.5, '35-44': 0.25 },
      gender: { F: 0.6, M: 0.35, U: 0.05 },
      country: { US: 0.5, GB: 0.25, FR: 0.25 },
      city: { 'London, England': 0.6667, 'Paris, Île-de-France': 0.3333 },
    });
    expect(audience.unavailable.locale).toMatch(/not by language/);
    expect(audience.unavailable.age).toBeUndefined();
    expect(audience.source).toBe('Instagram Graph API, insights follower_demographics');
  });

  it('an account under 100 followers: every breakdown is null with Meta’s reason', async () => {
    ig.state.demographics = undefined;
    const audience = await connector().fetchAudience!(credentials);
    expect(audience.demographics).toEqual({});
    expect(audience.unavailable.age).toMatch(/^Instagram refused follower demographics: .*100 followers/);
    expect(audience.unavailable.city).toMatch(/100 followers/);
  });
});
