import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { createLinkedInConnector } from '../../../functions/platforms/linkedin';
import { LINKEDIN_API_VERSION } from '../../../functions/platforms/linkedin/api';
import { LINKEDIN_MEMBER_AUDIENCE_REASON } from '../../../functions/platforms/linkedin/audience';
import { AUDIENCE_DIMENSIONS } from '../../../functions/shared/analytics/account-metrics';
import { platformProfile } from '../../../functions/shared/platforms/catalog';
import { NOW, linkedinTestContext, memberCredentials } from '../support/linkedin-context';
import {
  linkedinErrors,
  ORGANIZATION_URN,
  startLinkedInStandin,
  type LinkedInStandin,
} from '../support/linkedin-standin';

let standin: LinkedInStandin;
beforeEach(async () => {
  standin = await startLinkedInStandin();
});
afterEach(() => standin.close());

const connector = () => createLinkedInConnector(linkedinTestContext(standin));
const pageCredentials = () => memberCredentials({ accountId: ORGANIZATION_URN });
const statisticsRoute = 'GET /rest/organizationalEntityFollowerStatistics';
const SOURCE = 'LinkedIn API, organizationalEntityFollowerStatistics';

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('LinkedIn Page audience', () => {
  it('reads lifetime follower statistics with the versioned Rest.li headers and keeps organic counts as shares', async () => {
    const audience = await connector().fetchAudience!(pageCredentials());
    expect(audience.demographics).toEqual({
      // 600 / 300 / 100 organic followers; the paid counts (40, 5) are not added. Countries as
      // ISO codes from the Geo API's names, as Instagram and Facebook give them.
      country: { US: 0.6, FR: 0.3, GB: 0.1 },
      function: { 'urn:li:function:8': 0.5, 'urn:li:function:25': 0.3, 'urn:li:function:15': 0.2 },
      seniority: { 'urn:li:seniority:4': 0.45, 'urn:li:seniority:5': 0.45, 'urn:li:seniority:3': 0.1 },
      industry: { 'urn:li:industry:4': 0.7, 'urn:li:industry:96': 0.3 },
    });
    expect(audience.source).toBe(SOURCE);
    expect(audience.fetchedAt).toEqual(NOW);
    expect(audience.rateLimit).toBeUndefined();

    const [request] = standin.find(statisticsRoute);
    expect(request!.rawUrl).toBe(
      `/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${encodeURIComponent(ORGANIZATION_URN)}`,
    );
    expect(request!.query.has('timeIntervals')).toBe(false);
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer li-access-1',
      'linkedin-version': LINKEDIN_API_VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
  });

  it('names countries with one Geo API batch call for the geo URNs of the country facet only', async () => {
    await connector().fetchAudience!(pageCredentials());
    const calls = standin.find('GET /v2/geo');
    expect(calls).toHaveLength(1);
    // Not the market area of followerCountsByGeo (90009496).
    expect(calls[0]!.query.get('ids')).toBe('List(103644278,105015875,101165590)');
    expect(calls[0]!.headers).toMatchObject({
      authorization: 'Bearer li-access-1',
      'x-restli-protocol-version': '2.0.0',
    });
  });

  it('a geo id LinkedIn does not name stays its URN; a refused Geo API leaves every country a URN', async () => {
    standin.geoNames.delete('101165590');
    // A name that is no country ICU knows stays the name.
    standin.geoNames.set('105015875', 'Atlantis');
    const partly = await connector().fetchAudience!(pageCredentials());
    expect(partly.demographics.country).toEqual({
      US: 0.6,
      Atlantis: 0.3,
      'urn:li:geo:101165590': 0.1,
    });

    standin.override('GET /v2/geo', linkedinErrors.forbidden);
    const context = linkedinTestContext(standin);
    const refused = await createLinkedInConnector(context).fetchAudience!(pageCredentials());
    expect(refused.demographics.country).toEqual({
      'urn:li:geo:103644278': 0.6,
      'urn:li:geo:105015875': 0.3,
      'urn:li:geo:101165590': 0.1,
    });
    expect(refused.demographics.industry).toEqual({ 'urn:li:industry:4': 0.7, 'urn:li:industry:96': 0.3 });
    expect(
      context.logs.some((log) => log.level === 'warn' && /geo names unavailable/.test(log.message)),
    ).toBe(true);
  });

  it('dimensions LinkedIn does not report keep the profile reasons; none is 0 or empty', async () => {
    const audience = await connector().fetchAudience!(pageCredentials());
    const profile = platformProfile('linkedin').accountMetrics.audience.unavailable;
    expect(audience.unavailable).toEqual({
      age: profile.age,
      gender: profile.gender,
      city: profile.city,
      locale: profile.locale,
    });
    for (const dimension of AUDIENCE_DIMENSIONS)
      expect(Boolean(audience.demographics[dimension]) !== Boolean(audience.unavailable[dimension])).toBe(
        true,
      );
  });

  it('an empty facet is unavailable with a reason; no elements at all says so for every facet', async () => {
    standin.followerStatistics = {
      ...standin.followerStatistics,
      followerCountsBySeniority: [],
      followerCountsByIndustry: undefined,
    };
    const sparse = await connector().fetchAudience!(pageCredentials());
    expect(sparse.demographics.seniority).toBeUndefined();
    expect(sparse.unavailable.seniority).toBe('LinkedIn returned no followers by seniority for this Page.');
    expect(sparse.unavailable.industry).toBe('LinkedIn returned no followers by industry for this Page.');
    expect(sparse.demographics.function).toBeDefined();

    standin.override(statisticsRoute, {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { paging: { start: 0, count: 10, links: [] }, elements: [] },
    });
    const none = await connector().fetchAudience!(pageCredentials());
    expect(none.demographics).toEqual({});
    for (const dimension of ['country', 'function', 'seniority', 'industry'] as const)
      expect(none.unavailable[dimension]).toBe('LinkedIn returned no follower statistics for this Page.');
    expect(standin.find('GET /v2/geo')).toHaveLength(1); // only the first reading named countries
  });

  it('a member account makes no call: every dimension is unavailable with the Pages-only reason', async () => {
    const audience = await connector().fetchAudience!(memberCredentials());
    expect(audience.demographics).toEqual({});
    expect(Object.keys(audience.unavailable).sort()).toEqual([...AUDIENCE_DIMENSIONS].sort());
    for (const reason of Object.values(audience.unavailable))
      expect(reason).toBe(LINKEDIN_MEMBER_AUDIENCE_REASON);
    expect(audience.source).toBe(SOURCE);
    expect(standin.requests).toHaveLength(0);
  });

  it("LinkedIn's refusal (not an administrator of the Page) becomes the four dimensions' reason", async () => {
    standin.override(statisticsRoute, {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: {
        status: 403,
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
        message:
          'Not enough permissions to access: organizationalEntityFollowerStatistics.FINDER-organizationalEntity.20260501',
      },
    });
    const audience = await connector().fetchAudience!(pageCredentials());
    expect(audience.demographics).toEqual({});
    for (const dimension of ['country', 'function', 'seniority', 'industry'] as const)
      expect(audience.unavailable[dimension]).toBe(
        "LinkedIn: reading the Page's follower statistics failed (HTTP 403): Not enough permissions to access: organizationalEntityFollowerStatistics.FINDER-organizationalEntity.20260501",
      );
    expect(audience.unavailable.age).toBe(
      platformProfile('linkedin').accountMetrics.audience.unavailable.age,
    );
    expect(standin.find('GET /v2/geo')).toHaveLength(0);
  });

  it('an expired or revoked token is auth, on the statistics or the Geo API; a throttle is rate_limited with its wait', async () => {
    const expired = await failure(
      connector().fetchAudience!(memberCredentials({ accountId: ORGANIZATION_URN, accessToken: 'old' })),
    );
    expect(expired).toMatchObject({
      kind: 'auth',
      details: { status: 401, platformCode: 'EXPIRED_ACCESS_TOKEN' },
    });
    standin.override(statisticsRoute, linkedinErrors.revokedToken);
    expect((await failure(connector().fetchAudience!(pageCredentials()))).kind).toBe('auth');
    standin.override('GET /v2/geo', linkedinErrors.revokedToken);
    expect((await failure(connector().fetchAudience!(pageCredentials()))).kind).toBe('auth');
    standin.override(statisticsRoute, linkedinErrors.throttled('300'));
    const throttled = await failure(connector().fetchAudience!(pageCredentials()));
    expect(throttled).toMatchObject({
      kind: 'rate_limited',
      details: { status: 429, retryAfterSeconds: 300 },
    });
  });
});
