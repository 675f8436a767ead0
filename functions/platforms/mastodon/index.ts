import type { Connector, ConnectorContext } from '../connector';
import { createMastodonOAuthFlow, refreshMastodonTokens, type MastodonOAuthFlow } from './auth';
import { createRuntime, type MastodonConnectorOptions } from './client';
import { readMastodonLimits } from './instance';
import { PUBLISH_BOUNDS } from '../publish-bounds';
import { MASTODON_DEFAULT_LIMITS } from './limits';
import { findMastodonPost } from './lookup';
import { fetchMastodonMetrics } from './metrics';
import { publishToMastodon } from './publish';
import { validateMastodonDraft } from './validate';

export type { MastodonApp, MastodonOAuthFlow } from './auth';
export { MASTODON_SCOPES } from './auth';
export type { MastodonConnectorOptions } from './client';
export { limitsFromInstance } from './instance';
export { normalizeInstanceUrl } from './instance-url';
export { MASTODON_DEFAULT_LIMITS } from './limits';
export type { MastodonPostOptions } from './options';
export { countMastodonCharacters } from './text-length';
export { mastodonStatusLength, validateMastodonDraft } from './validate';

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
    platform: 'mastodon',
    displayName: 'Mastodon',
    connect: createMastodonOAuthFlow(runtime),
    limits: () => ({ ...MASTODON_DEFAULT_LIMITS }),
    readLimits: (credentials) => readMastodonLimits(runtime, credentials),
    validate: validateMastodonDraft,
    refresh: (credentials, client) => refreshMastodonTokens(runtime, credentials, client),
    publish: (credentials, draft) => publishToMastodon(runtime, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchMastodonMetrics(runtime, credentials, ids),
    publishTimeoutMs: PUBLISH_BOUNDS.mastodon.publishTimeoutMs,
    lookupSettleMs: PUBLISH_BOUNDS.mastodon.lookupSettleMs,
    findPublished: (credentials, query) => findMastodonPost(runtime, credentials, query),
  };
}
