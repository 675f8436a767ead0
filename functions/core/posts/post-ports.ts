import type { Container } from '../ports/container';
import type { Platform } from '../../shared/platforms/catalog';
import type { Clock } from '../ports';
import { publishingSeamOverrides } from '../publishing/seam-overrides';
import { platformChecks, type PlatformChecks } from '../../shared/platforms/rules';

/** Each network's limits and content rules, or undefined where this build cannot publish there. */
export type ChecksResolver = (platform: Platform) => PlatformChecks | undefined;

/** What the post use-cases need besides their transaction. */
export interface PostPorts {
  clock: Clock;
  checks: ChecksResolver;
}

/**
 * The ports of the process's container. Drafts are checked with each network's rules; a test
 * that swapped the connector (`setPublishingSeams`) has its scripted connector check them too.
 */
export function postPortsOf(container: Container): PostPorts {
  return {
    clock: container.clock,
    checks: (platform) => {
      const { resolveConnector } = publishingSeamOverrides();
      return resolveConnector ? resolveConnector(platform, container) : platformChecks(platform);
    },
  };
}
