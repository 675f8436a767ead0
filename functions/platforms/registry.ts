import type { Connector, Platform } from './connector';

/**
 * The connectors this build ships, by platform. Publishing adds Bluesky, Mastodon, X,
 * LinkedIn, Facebook, Instagram, Threads, TikTok and the Sandbox network here; a target
 * whose platform has no connector fails with a clear reason instead of waiting forever.
 */
const CONNECTORS: Partial<Record<Platform, Connector>> = {};

export function connectorFor(platform: Platform): Connector | undefined {
  return CONNECTORS[platform];
}
