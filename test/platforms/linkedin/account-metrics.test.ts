import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { createLinkedInConnector } from '../../../functions/platforms/linkedin';
import { LINKEDIN_API_VERSION } from '../../../functions/platforms/linkedin/api';
import { LINKEDIN_MEMBER_FOLLOWERS_REASON } from '../../../functions/platforms/linkedin/account-metrics';
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
const networkSizesRoute = `GET /rest/networkSizes/${encodeURIComponent(ORGANIZATION_URN)}`;

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('LinkedIn account metrics', () => {
  it("reads a Page's followers from networkSizes (firstDegreeSize) with the versioned Rest.li headers", async () => {
    const metrics = await connector().fetchAccountMetrics!(pageCredentials());
    expect(metrics).toEqual({
      followers: 18_240,
      source: 'LinkedIn API, networkSizes (Page followers)',
      fetchedAt: NOW,
      rateLimit: undefined,
    });
    const [request] = standin.find(networkSizesRoute);
    expect(request!.rawUrl).toBe(
      `/rest/networkSizes/${encodeURIComponent(ORGANIZATION_URN)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`,
    );
    expect(request!.headers).toMatchObject({
      authorization: 'Bearer li-access-1',
      'linkedin-version': LINKEDIN_API_VERSION,
      'x-restli-protocol-version': '2.0.0',
    });
  });

  it('following, posts and daily figures of a Page are null with the profile’s reasons, never 0', async () => {
    const metrics = await connector().fetchAccountMetrics!(pageCredentials());
    for (const name of ['following', 'posts', 'impressions', 'profileViews'] as const) {
      expect(metrics[name]).toBeUndefined();
      expect(platformProfile('linkedin').accountMetrics.unavailable[name]).toBeTruthy();
    }
    expect(metrics.unavailable).toBeUndefined();
  });

  it('a member account makes no call: followers are null with the partner-access reason', async () => {
    const metrics = await connector().fetchAccountMetrics!(memberCredentials());
    expect(metrics).toEqual({
      unavailable: { followers: LINKEDIN_MEMBER_FOLLOWERS_REASON },
      source: 'LinkedIn API, networkSizes (Page followers)',
      fetchedAt: NOW,
    });
    expect(LINKEDIN_MEMBER_FOLLOWERS_REASON).toMatch(/Community Management partner access/);
    expect(standin.requests).toHaveLength(0);
  });

  it('an expired or revoked token is auth; a throttle is rate_limited with LinkedIn’s wait', async () => {
    const expired = await failure(
      connector().fetchAccountMetrics!(
        memberCredentials({ accountId: ORGANIZATION_URN, accessToken: 'old' }),
      ),
    );
    expect(expired.kind).toBe('auth');
    standin.override(networkSizesRoute, linkedinErrors.revokedToken);
    expect((await failure(connector().fetchAccountMetrics!(pageCredentials()))).kind).toBe('auth');
    standin.override(networkSizesRoute, linkedinErrors.throttled('120'));
    const throttled = await failure(connector().fetchAccountMetrics!(pageCredentials()));
    expect(throttled).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 120 } });
  });
});
