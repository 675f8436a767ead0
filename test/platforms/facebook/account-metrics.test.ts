import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import { createFacebookConnector } from '../../../functions/platforms/facebook';
import { FACEBOOK_PROFILE } from '../../../functions/shared/platforms/facebook/profile';
import { metaTestContext, type MetaTestContext } from '../support/meta-graph-stand-in';
import { FB_TOKENS, facebookEndpoints, PAGE_A, startFacebookStandIn } from '../support/facebook-stand-in';

let fb: ReturnType<typeof startFacebookStandIn>;
let env: MetaTestContext;
beforeAll(async () => {
  fb = startFacebookStandIn();
  await fb.server.start();
});
afterAll(() => fb.server.close());
beforeEach(() => {
  fb.server.requests.length = 0;
  fb.state.pageInsights = { page_views_total: 57 };
  fb.state.businessUsage = undefined;
  env = metaTestContext(facebookEndpoints(fb.server.baseUrl));
});

const page: AccountCredentials = { accountId: PAGE_A, accessToken: FB_TOKENS.pageA, scopes: [] };

describe('Facebook Page account metrics', () => {
  it("reads followers_count with the Page token and the day's page_views_total", async () => {
    const metrics = await createFacebookConnector(env.context).fetchAccountMetrics!(page);
    expect(metrics).toEqual({
      followers: 2048,
      profileViews: 57,
      source: 'Facebook Graph API, Page fields followers_count and insights page_views_total',
      fetchedAt: new Date('2025-06-01T12:00:00.000Z'),
      rateLimit: undefined,
    });
    const [fields, insights] = fb.server.requests;
    expect(fields?.query.fields).toBe('followers_count,fan_count');
    expect(insights?.query).toMatchObject({ metric: 'page_views_total', period: 'day' });
    expect(insights?.headers.authorization).toBe(`Bearer ${FB_TOKENS.pageA}`);
    // What Meta retired is a reason in the profile, not a 0.
    expect(metrics.impressions).toBeUndefined();
    expect(FACEBOOK_PROFILE.accountMetrics.unavailable.impressions).toMatch(/retired/);
    expect(FACEBOOK_PROFILE.accountMetrics.audience.unavailable.age).toMatch(/page_fans_gender_age/);
  });

  it('refused Page insights are null with the reason; followers still read', async () => {
    fb.state.pageInsights = undefined;
    const metrics = await createFacebookConnector(env.context).fetchAccountMetrics!(page);
    expect(metrics.followers).toBe(2048);
    expect(metrics.profileViews).toBeUndefined();
    expect(metrics.unavailable?.profileViews).toMatch(
      /^Facebook refused the Page's insights: .*valid insights metric/,
    );
  });

  it('reads X-Business-Use-Case-Usage: a throttled Page waits estimated_time_to_regain_access minutes', async () => {
    fb.state.businessUsage = {
      call_count: 100,
      total_cputime: 30,
      total_time: 30,
      estimated_time_to_regain_access: 15,
    };
    const metrics = await createFacebookConnector(env.context).fetchAccountMetrics!(page);
    expect(metrics.rateLimit).toEqual({
      remaining: 0,
      limit: 100,
      resetAt: new Date('2025-06-01T12:15:00.000Z'),
      exhausted: true,
    });
  });

  it('another Page token is refused as auth', async () => {
    const error = await createFacebookConnector(env.context).fetchAccountMetrics!({
      ...page,
      accessToken: FB_TOKENS.pageC,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).kind).toBe('auth');
  });
});
