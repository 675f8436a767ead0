import type { Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { fetchMastodonAccountMetrics } from './account-metrics';
import { createMastodonOAuthFlow, refreshMastodonTokens, type MastodonOAuthFlow } from './auth';
import { createRuntime, type MastodonConnectorOptions } from './client';
import { readMastodonLimits } from './instance';
import { findMastodonPost } from './lookup';
import { fetchMastodonMetrics } from './metrics';
import { publishToMastodon } from './publish';

export type { MastodonApp, MastodonOAuthFlow } from './auth';
export { MASTODON_SCOPES } from './auth';
export type { MastodonConnectorOptions } from './client';
export { limitsFromInstance } from './instance';
export { normalizeInstanceUrl } from './instance-url';
export { MASTODON_DEFAULT_LIMITS } from '../../shared/platforms/mastodon/limits';
export type { MastodonPostOptions } from '../../shared/platforms/mastodon/options';
export { countMastodonCharacters } from '../../shared/platforms/mastodon/text-length';
export { mastodonStatusLength, validateMastodonDraft } from '../../shared/platforms/mastodon/validate';

export interface MastodonConnector extends Connector {
  readonly connect: MastodonOAuthFlow;
}

/**
 * Mastodon and compatible servers. Each account lives on its own instance
 * (`credentials.serviceUrl`), which is also its OAuth server: register Plume there with
 * `connect.registerApp` once per instance, then run the usual PKCE flow.
 */
export function createMastodonConnector(
  context: ConnectorContext,
  options: MastodonConnectorOptions = {},
): MastodonConnector {
  const runtime = createRuntime(context, options);
  return {
    ...profileParts('mastodon'),
    connect: createMastodonOAuthFlow(runtime),
    readLimits: (credentials) => readMastodonLimits(runtime, credentials),
    refresh: (credentials, client) => refreshMastodonTokens(runtime, credentials, client),
    publish: (credentials, draft) => publishToMastodon(runtime, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchMastodonMetrics(runtime, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchMastodonAccountMetrics(runtime, credentials),
    findPublished: (credentials, query) => findMastodonPost(runtime, credentials, query),
  };
}
