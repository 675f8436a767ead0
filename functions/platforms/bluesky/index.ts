import type { AppPasswordFlow, Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { fetchBlueskyAccountMetrics } from './account-metrics';
import { findBlueskyPost } from './lookup';
import { fetchBlueskyMetrics } from './metrics';
import { accountPds, publishToBluesky } from './publish';
import { createRuntime, type BlueskyConnectorOptions } from './runtime';
import { createBlueskyLogin, refreshBlueskySession } from './session';
import { limitsFromUploadLimits, readVideoUploadLimits } from './video';

export {
  BLUESKY_LIMITS,
  BLUESKY_MAX_TEXT_BYTES,
  BLUESKY_MAX_TEXT_GRAPHEMES,
} from '../../shared/platforms/bluesky/limits';
export type { BlueskyPostOptions, BlueskySelfLabel } from '../../shared/platforms/bluesky/options';
export { BLUESKY_SELF_LABELS, readBlueskyOptions } from '../../shared/platforms/bluesky/options';
export { BLUESKY_ENDPOINTS, type BlueskyConnectorOptions, type BlueskyEndpoints } from './runtime';
export { blueskyTextLength, validateBlueskyDraft } from '../../shared/platforms/bluesky/validate';

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
    ...profileParts('bluesky'),
    connect: createBlueskyLogin(runtime),
    async readLimits(credentials) {
      // Only the video allowance varies per account; other services than video.bsky.app have none to read.
      if (runtime.videoUpload !== 'service') return {};
      return limitsFromUploadLimits(
        await readVideoUploadLimits(runtime, accountPds(runtime, credentials), credentials.accessToken),
      );
    },
    refresh: (credentials) => refreshBlueskySession(runtime, credentials),
    publish: (credentials, draft) => publishToBluesky(runtime, credentials, draft),
    fetchMetrics: (_credentials, ids) => fetchBlueskyMetrics(runtime, ids),
    fetchAccountMetrics: (credentials) => fetchBlueskyAccountMetrics(runtime, credentials),
    findPublished: (credentials, query) => findBlueskyPost(runtime, credentials, query),
  };
}
