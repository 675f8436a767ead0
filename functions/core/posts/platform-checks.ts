import type { Platform } from '../../shared/platforms/catalog';
import { platformProfile } from '../../shared/platforms/catalog';
import { PLATFORM_RULES } from '../../shared/platforms/rules';
import type { PlatformLimits, PostDraft, ValidationIssue } from '../../shared/platforms/types';

/**
 * What saving a post checks for one network: its configured limits and its content rules.
 * A connector has both (it spreads `profileParts`), but saving a post needs nothing else of it,
 * so the posts Lambda checks drafts with the browser-safe rules alone and leaves the connectors
 * (their network clients, the AT Protocol libraries) and the token decryption they bring out
 * of its bundle.
 */
export interface PlatformChecks {
  limits(): PlatformLimits;
  validate(draft: PostDraft, limits: PlatformLimits): ValidationIssue[];
}

const checksByPlatform = new Map<Platform, PlatformChecks>();

/** The same limits and rules a connector's `profileParts` carries, without the connector. */
export function platformChecks(platform: Platform): PlatformChecks {
  let checks = checksByPlatform.get(platform);
  if (!checks) {
    const { limits } = platformProfile(platform);
    checks = { limits: () => ({ ...limits }), validate: PLATFORM_RULES[platform].validate };
    checksByPlatform.set(platform, checks);
  }
  return checks;
}
