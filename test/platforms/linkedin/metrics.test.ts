import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLinkedInConnector } from '../../../functions/platforms/linkedin';
import { NOW, linkedinTestContext, memberCredentials } from '../support/linkedin-context';
import {
  ORGANIZATION_URN,
  POST_URN,
  startLinkedInStandin,
  type LinkedInStandin,
} from '../support/linkedin-standin';

let standin: LinkedInStandin;
beforeEach(async () => {
  standin = await startLinkedInStandin();
});
afterEach(() => standin.close());

const connector = (timeoutMs?: number) => createLinkedInConnector(linkedinTestContext(standin, timeoutMs));

describe('LinkedIn metrics', () => {
  it('reads organization post statistics with Rest.li list parameters', async () => {
    const ugcPost = 'urn:li:ugcPost:7000000000000000002';
    const metrics = await connector().fetchMetrics(memberCredentials({ accountId: ORGANIZATION_URN }), [
      POST_URN,
      ugcPost,
    ]);

    const [request] = standin.find('GET /rest/organizationalEntityShareStatistics');
    expect(request!.rawUrl).toBe(
      '/rest/organizationalEntityShareStatistics?q=organizationalEntity' +
        `&organizationalEntity=${encodeURIComponent(ORGANIZATION_URN)}` +
        `&shares=List(${encodeURIComponent(POST_URN)})&ugcPosts=List(${encodeURIComponent(ugcPost)})`,
    );
    expect(request!.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(metrics).toEqual([
      {
        platformPostId: POST_URN,
        impressions: 1200,
        reach: 900,
        clicks: 40,
        likes: 30,
        comments: 5,
        shares: 3,
        fetchedAt: NOW,
      },
    ]);
  });

  it('reads member post analytics one metric at a time', async () => {
    const metrics = await connector().fetchMetrics(memberCredentials(), [POST_URN]);

    const requests = standin.find('GET /rest/memberCreatorPostAnalytics');
    expect(requests.map((request) => request.query.get('queryType'))).toEqual([
      'IMPRESSION',
      'MEMBERS_REACHED',
      'REACTION',
      'COMMENT',
      'RESHARE',
    ]);
    expect(requests[0]!.rawUrl).toBe(
      `/rest/memberCreatorPostAnalytics?q=entity&entity=(share:${encodeURIComponent(POST_URN)})&queryType=IMPRESSION&aggregation=TOTAL`,
    );
    expect(metrics).toEqual([
      {
        platformPostId: POST_URN,
        impressions: 500,
        reach: 350,
        likes: 21,
        comments: 4,
        shares: 2,
        fetchedAt: NOW,
      },
    ]);
  });

  it('maps a missing analytics permission to permanent and a slow read to transient', async () => {
    standin.override('GET /rest/memberCreatorPostAnalytics', {
      status: 403,
      headers: { 'content-type': 'application/json' },
      body: {
        status: 403,
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
        message: 'Not enough permissions to access: memberCreatorPostAnalytics.FINDER-entity',
      },
    });
    await expect(connector().fetchMetrics(memberCredentials(), [POST_URN])).rejects.toMatchObject({
      kind: 'permanent',
      details: { status: 403 },
    });

    standin.override('GET /rest/memberCreatorPostAnalytics', {
      status: 200,
      body: { elements: [] },
      delayMs: 600,
    });
    await expect(connector(150).fetchMetrics(memberCredentials(), [POST_URN])).rejects.toMatchObject({
      kind: 'transient',
    });
  });
});
