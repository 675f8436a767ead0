import type { Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { pollingFrom, type MetaPollingOptions } from '../meta-graph/polling';
import { dailyPublishingQuota } from '../meta-graph/publishing-quota';
import { findGraphPost } from '../meta-graph/find-post';
import { refreshThreadsToken, threadsConnect } from './auth';
import { threadsEndpoints } from './endpoints';
import { THREADS_DAILY_PUBLISH_LIMIT } from '../../shared/platforms/threads/limits';
import { fetchThreadsAccountMetrics } from './account-metrics';
import { fetchThreadsMetrics } from './metrics';
import { publishToThreads } from './publish';

export type ThreadsConnectorOptions = MetaPollingOptions;

/** Threads profiles through the Threads API. */
export function createThreadsConnector(
  context: ConnectorContext,
  options: ThreadsConnectorOptions = {},
): Connector {
  const endpoints = threadsEndpoints(context);
  const polling = pollingFrom(options);
  return {
    ...profileParts('threads'),
    connect: threadsConnect(context, endpoints),
    refresh: (credentials) => refreshThreadsToken(context, endpoints, credentials),
    publish: (credentials, draft) =>
      publishToThreads({ context, api: endpoints.api, polling }, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchThreadsMetrics(context, endpoints, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchThreadsAccountMetrics(context, endpoints, credentials),
    // https://developers.facebook.com/docs/threads/overview/ (threads_publishing_limit)
    quota: dailyPublishingQuota(context, 'threads', {
      api: endpoints.api,
      edge: 'threads_publishing_limit',
      dailyLimit: THREADS_DAILY_PUBLISH_LIMIT,
    }),
    // https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts
    findPublished: (credentials, query) =>
      findGraphPost(
        context,
        'threads',
        {
          url: `${endpoints.api}/${credentials.accountId}/threads`,
          accessToken: credentials.accessToken,
          textField: 'text',
          timeField: 'timestamp',
          linkField: 'permalink',
          timeBounds: true,
          describe: "the profile's threads",
        },
        query,
      ),
  };
}
