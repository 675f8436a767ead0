import type { Connector, ConnectorContext } from '../connector';
import { profileParts } from '../profile-parts';
import { fetchSandboxAccountMetrics, fetchSandboxAudience } from './account-metrics';
import { createSandboxConnectFlow, type SandboxConnectFlow } from './connect';
import { findSandboxPost } from './lookup';
import { fetchSandboxMetrics } from './metrics';
import { publishToSandbox } from './publish';
import { createSandboxRuntime, type SandboxConnectorOptions } from './runtime';

export { defaultFollowers, followersAt, normalizeSandboxHandle } from './account';
export { audienceActivity, localTime } from './audience-activity';
export {
  sandboxAccessToken,
  sandboxProfile,
  type SandboxAccountSettings,
  type SandboxConnectFlow,
} from './connect';
export { contentFeatures, type ContentFeatures } from '../../shared/platforms/sandbox/content-features';
export {
  ENGAGEMENT_MODEL,
  accruedShare,
  engagementProfile,
  sandboxEngagement,
  type EngagementProfile,
  type SandboxEngagement,
  type SandboxPostSnapshot,
} from './engagement-model';
export {
  parseSandboxMarkers,
  type SandboxFailure,
  type SandboxMarkers,
} from '../../shared/platforms/sandbox/failure-markers';
export { SANDBOX_LIMITS, SANDBOX_MAX_THREAD_REPLIES } from '../../shared/platforms/sandbox/limits';
export {
  SANDBOX_RATE_LIMIT_RESET_SECONDS,
  SANDBOX_SLOW_RESPONSE_MS,
  SANDBOX_TRANSIENT_RETRY_SECONDS,
  sandboxFeedUrl,
  sandboxPostUrl,
  sandboxProfileUrl,
  type SandboxConnectorOptions,
} from './runtime';
export { validateSandboxDraft } from '../../shared/platforms/sandbox/validate';

export interface SandboxConnector extends Connector {
  readonly platform: 'sandbox';
  readonly connect: SandboxConnectFlow;
}

/**
 * The built-in Sandbox network (README.md): connect any handle without credentials, publish
 * into Plume's own database, read back engagement from a documented deterministic model, and
 * simulate failures on demand with text markers. Needs no options: it finds the database
 * through the process container, and links to the feed page under PUBLIC_URL.
 */
export function createSandboxConnector(
  context: ConnectorContext,
  options: SandboxConnectorOptions = {},
): SandboxConnector {
  const runtime = createSandboxRuntime(context, options);
  return {
    ...profileParts('sandbox'),
    connect: createSandboxConnectFlow(runtime),
    publish: (credentials, draft) => publishToSandbox(runtime, credentials, draft),
    fetchMetrics: (credentials, ids) => fetchSandboxMetrics(runtime, credentials, ids),
    fetchAccountMetrics: (credentials) => fetchSandboxAccountMetrics(runtime, credentials),
    fetchAudience: (credentials) => fetchSandboxAudience(runtime, credentials),
    findPublished: (credentials, query) => findSandboxPost(runtime, credentials, query),
  };
}
