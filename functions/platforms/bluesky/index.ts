import type { AppPasswordFlow, Connector, ConnectorContext } from '../connector';
import { PUBLISH_BOUNDS } from '../publish-bounds';
import { BLUESKY_LIMITS } from './limits';
import { findBlueskyPost } from './lookup';
import { fetchBlueskyMetrics } from './metrics';
import { accountPds, publishToBluesky } from './publish';
import { createRuntime, type BlueskyConnectorOptions } from './runtime';
import { createBlueskyLogin, refreshBlueskySession } from './session';
import { validateBlueskyDraft } from './validate';
import { limitsFromUploadLimits, readVideoUploadLimits } from './video';

export { BLUESKY_LIMITS, BLUESKY_MAX_TEXT_BYTES, BLUESKY_MAX_TEXT_GRAPHEMES } from './limits';
export type { BlueskyPostOptions, BlueskySelfLabel } from './options';
export { BLUESKY_SELF_LABELS, readBlueskyOptions } from './options';
export { BLUESKY_ENDPOINTS, type BlueskyConnectorOptions, type BlueskyEndpoints } from './runtime';
export { blueskyTextLength, validateBlueskyDraft } from './validate';

export interface BlueskyConnector extends Connector {
  readonly connect: AppPasswordFlow;
}

/**
 * Bluesky (AT Protocol). Accounts connect with an app password; Plume stores the session's
 * JWTs and these in `AccountCredentials`: `accountId` = DID, `serviceUrl` = the PDS hosting
 * the repository, `extra.entryway` = where the session was issued (refreshes go there).
 */
export function createBlueskyConnector(
  context: ConnectorContext,
  options: BlueskyConnectorOptions = {},
): BlueskyConnector {
  const runtime = createRuntime(context, options);
  return {
    platform: 'bluesky',
    displayName: 'Bluesky',
    connect: createBlueskyLogin(runtime),
    limits: () => ({ ...BLUESKY_LIMITS }),
    async readLimits(credentials) {
      // Only the video allowance varies per account; other services than video.bsky.app have none to read.
      if (runtime.videoUpload !== 'service') return {};
      return limitsFromUploadLimits(
        await readVideoUploadLimits(runtime, accountPds(runtime, credentials), credentials.accessToken),
      );
    },
    validate: validateBlueskyDraft,
    refresh: (credentials) => refreshBlueskySession(runtime, credentials),
    publish: (credentials, draft) => publishToBluesky(runtime, credentials, draft),
    fetchMetrics: (_credentials, ids) => fetchBlueskyMetrics(runtime, ids),
    publishTimeoutMs: PUBLISH_BOUNDS.bluesky.publishTimeoutMs,
    lookupSettleMs: PUBLISH_BOUNDS.bluesky.lookupSettleMs,
    findPublished: (credentials, query) => findBlueskyPost(runtime, credentials, query),
  };
}
