import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type AccountCredentials } from '../../../functions/platforms/connector';
import { createFacebookConnector } from '../../../functions/platforms/facebook';
import { AUDIENCE_DIMENSIONS } from '../../../functions/shared/analytics/account-metrics';
import { FACEBOOK_PROFILE } from '../../../functions/shared/platforms/facebook/profile';
import { graphError, metaTestContext, type MetaTestContext } from '../support/meta-graph-stand-in';
import {
  FB_TOKENS,
  FOLLOWER_BREAKDOWNS,
  facebookEndpoints,
  PAGE_A,
  startFacebookStandIn,
} from '../support/facebook-stand-in';

let fb: ReturnType<typeof startFacebookStandIn>;
let env: MetaTestContext;
beforeAll(async () => {
  fb = startFacebookStandIn();
  await fb.server.start();
});
afterAll(() => fb.server.close());
beforeEach(() => {
  fb.server.requests.length = 0;
  fb.state.followerBreakdowns = { ...FOLLOWER_BREAKDOWNS };
  fb.state.businessUsage = undefined;
  env = metaTestContext(facebookEndpoints(fb.server.baseUrl));
});

const page: AccountCredentials = { accountId: PAGE_A, accessToken: FB_TOKENS.pageA, scopes: [] };
const audienceOf = () => createFacebookConnector(env.context).fetchAudience!(page);
const INSIGHTS = new RegExp(`^/v25\\.0/${PAGE_A}/insights$`);

describe('Facebook Page audience', () => {
  it('reads page_follows_country and page_follows_city (lifetime) with the Page token, as shares', async () => {
    const audience = await audienceOf();
    expect(audience.demographics).toEqual({
      country: { FR: 0.6, BE: 0.25, CA: 0.15 },
      city: {
        'Paris, Île-de-France, France': 0.6,
        'Brussels, Brussels, Belgium': 0.2,
        'Montreal, Quebec, Canada': 0.2,
      },
    });
    expect(audience.source).toBe('Facebook Graph API, insights page_follows_country and page_follows_city');
    expect(audience.fetchedAt).toEqual(new Date('2025-06-01T12:00:00.000Z'));
    const calls = fb.server.requests.filter((request) => INSIGHTS.test(request.path));
    expect(calls.map((request) => request.query)).toEqual([
      { metric: 'page_follows_country', period: 'lifetime' },
      { metric: 'page_follows_city', period: 'lifetime' },
    ]);
    for (const call of calls) expect(call.headers.authorization).toBe(`Bearer ${FB_TOKENS.pageA}`);
  });

  it('age, gender and language keep the retirement reasons with their dates; no dimension is both or neither', async () => {
    const audience = await audienceOf();
    expect(audience.unavailable.age).toMatch(/page_fans_gender_age.*2024-03-14/);
    expect(audience.unavailable.gender).toBe(audience.unavailable.age);
    expect(audience.unavailable.locale).toMatch(/page_fans_locale on 2025-11-15/);
    expect(audience.unavailable).toEqual(FACEBOOK_PROFILE.accountMetrics.audience.unavailable);
    for (const dimension of AUDIENCE_DIMENSIONS)
      expect(Boolean(audience.demographics[dimension]) !== Boolean(audience.unavailable[dimension])).toBe(
        true,
      );
  });

  it("a metric Meta refuses (retired: #100) is that dimension's reason; the other is still read", async () => {
    fb.state.followerBreakdowns.page_follows_city = undefined;
    const audience = await audienceOf();
    expect(audience.demographics.country).toEqual({ FR: 0.6, BE: 0.25, CA: 0.15 });
    expect(audience.demographics.city).toBeUndefined();
    expect(audience.unavailable.city).toMatch(
      /^Facebook refused page_follows_city: .*\(#100\) The value must be a valid insights metric/,
    );
  });

  it('an empty breakdown (a Page below Meta’s threshold) is unavailable with a reason, never 0', async () => {
    fb.state.followerBreakdowns.page_follows_country = {};
    const audience = await audienceOf();
    expect(audience.demographics.country).toBeUndefined();
    expect(audience.unavailable.country).toBe('Facebook returned no followers by country for this Page.');
    expect(audience.demographics.city).toBeDefined();
  });

  it('reads X-Business-Use-Case-Usage into the reading', async () => {
    fb.state.businessUsage = { call_count: 40, total_cputime: 90, total_time: 20 };
    const audience = await audienceOf();
    expect(audience.rateLimit).toEqual({ remaining: 10, limit: 100, exhausted: false });
  });

  it('another Page token is auth; a Page throttle (#32) is rate_limited, not a reason', async () => {
    const wrongToken = await createFacebookConnector(env.context).fetchAudience!({
      ...page,
      accessToken: FB_TOKENS.pageC,
    }).catch((caught: unknown) => caught);
    expect(wrongToken).toBeInstanceOf(PlatformError);
    expect((wrongToken as PlatformError).kind).toBe('auth');

    fb.server.failNext(
      'GET',
      INSIGHTS,
      graphError(400, { message: '(#32) Page request limit reached', code: 32 }),
    );
    const throttled = await audienceOf().catch((caught: unknown) => caught);
    expect(throttled).toBeInstanceOf(PlatformError);
    expect((throttled as PlatformError).kind).toBe('rate_limited');
  });
});
