import { PLATFORM_CATALOG, PLATFORM_IDS } from '../shared/platforms/catalog';
import type { Connector, Platform } from './connector';

type Bounds = Required<Pick<Connector, 'publishTimeoutMs' | 'lookupSettleMs'>>;

/**
 * Each network's publish bound and look-up settling time, as its profile states them
 * (functions/shared/platforms/<network>/profile.ts), keyed for the sweep, which reads them
 * without loading the connectors (each connector exposes its own through `profileParts`).
 */
export const PUBLISH_BOUNDS: Record<Platform, Bounds> = Object.fromEntries(
  PLATFORM_IDS.map((platform) => [platform, { ...PLATFORM_CATALOG[platform].publishing }]),
) as Record<Platform, Bounds>;
