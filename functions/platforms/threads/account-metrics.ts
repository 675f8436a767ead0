import { platformProfile } from '../../shared/platforms/catalog';
import type { AccountCredentials, AccountMetrics, ConnectorContext } from '../connector';
import { graphRequest } from '../meta-graph/graph-request';
import { insightsResponse, insightValues } from '../meta-graph/insights';
import { usageReading } from '../meta-graph/usage-reading';
import type { ThreadsEndpoints } from './endpoints';

/**
 * The profile's followers from user insights, `GET /{threads-user-id}/threads_insights?metric=followers_count`
 * (scope `threads_manage_insights`: https://developers.facebook.com/documentation/threads/insights).
 * `followers_count` is a total value (`data[].total_value.value`), the current count whatever the
 * period. The Threads API counts neither the accounts a profile follows nor its posts: those are
 * null with the profile's reasons (functions/shared/platforms/threads/profile.ts).
 */
export async function fetchThreadsAccountMetrics(
  context: ConnectorContext,
  endpoints: ThreadsEndpoints,
  credentials: AccountCredentials,
): Promise<AccountMetrics> {
  const usage = usageReading(context, 'threads');
  const values = insightValues(
    await graphRequest(context, 'threads', {
      method: 'GET',
      url: `${endpoints.api}/${credentials.accountId}/threads_insights`,
      accessToken: credentials.accessToken,
      query: { metric: 'followers_count' },
      schema: insightsResponse,
      onHeaders: usage.onHeaders,
    }),
  );
  return {
    followers: values.get('followers_count'),
    source: platformProfile('threads').accountMetrics.source,
    fetchedAt: context.clock.now(),
    rateLimit: usage.current,
  };
}
