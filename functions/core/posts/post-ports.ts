import type { Container } from '../ports/container';
import type { Connector, Platform } from '../../platforms/connector';
import type { Clock } from '../ports';
import { publishingSeams } from '../publishing/seams';

/** Each network's connector (its limits and validation), or undefined where this build has none. */
export type ConnectorResolver = (platform: Platform) => Connector | undefined;

/** What the post use-cases need besides their transaction. */
export interface PostPorts {
  clock: Clock;
  connectors: ConnectorResolver;
}

/** The ports of the process's container, with connectors resolved through the publishing seams (tests swap them). */
export function postPortsOf(container: Container): PostPorts {
  return {
    clock: container.clock,
    connectors: (platform) => publishingSeams().resolveConnector(platform, container),
  };
}
