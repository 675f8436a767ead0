import {
  DEFAULT_LOOKUP_SETTLE_MS,
  DEFAULT_PUBLISH_TIMEOUT_MS,
  type Connector,
  type Platform,
} from './connector';

type Bounds = Required<Pick<Connector, 'publishTimeoutMs' | 'lookupSettleMs'>>;

/**
 * Each network's publish bound and look-up settling time, in one small table that the sweep
 * reads without loading the connectors (each connector exposes its own row).
 *
 * - Real networks: a publish may upload media and poll processing for minutes, so it gets the
 *   default bound (inside the publish worker's 3-minute Lambda timeout).
 * - The Sandbox answers from Plume's own database; its slowest answer (`#slow`) waits one
 *   request timeout (20 s by default), and what it stores is readable at once.
 */
export const PUBLISH_BOUNDS: Record<Platform, Bounds> = {
  bluesky: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  mastodon: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  twitter: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  linkedin: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  facebook: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  instagram: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  threads: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  tiktok: { publishTimeoutMs: DEFAULT_PUBLISH_TIMEOUT_MS, lookupSettleMs: DEFAULT_LOOKUP_SETTLE_MS },
  sandbox: { publishTimeoutMs: 25_000, lookupSettleMs: 0 },
};
