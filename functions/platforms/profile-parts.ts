import type { Connector } from './connector';
import { platformProfile, type Platform } from '../shared/platforms/catalog';
import { platformChecks } from '../shared/platforms/rules';

/** What every connector takes from its network's profile and rules rather than restating it. */
export type ProfileParts<P extends Platform> = Pick<
  Connector,
  'displayName' | 'limits' | 'validate' | 'publishTimeoutMs' | 'lookupSettleMs'
> & { platform: P };

/**
 * A connector's name, configured limits (a fresh copy per call, so callers may overlay run-time
 * values), content rules and publishing bounds, from the catalog. A connector spreads these
 * first and overrides `limits` where an account's own limits differ (X subscribers).
 */
export function profileParts<P extends Platform>(platform: P): ProfileParts<P> {
  const profile = platformProfile(platform);
  return {
    platform,
    displayName: profile.name,
    ...platformChecks(platform),
    publishTimeoutMs: profile.publishing.publishTimeoutMs,
    lookupSettleMs: profile.publishing.lookupSettleMs,
  };
}
