import type { Clock, Logger } from '../core/ports';
import type { Database } from '../db/client';
import { createBlueskyConnector, type BlueskyConnectorOptions } from './bluesky';
import { withDeadlineSignal } from './call-deadline';
import type { Connector, ConnectorContext, Platform } from './connector';
import { createFacebookConnector } from './facebook';
import { createInstagramConnector, type InstagramConnectorOptions } from './instagram';
import { createLinkedInConnector, type LinkedInConnectorOptions } from './linkedin';
import { createMastodonConnector, type MastodonConnectorOptions } from './mastodon';
import { createSandboxConnector, type SandboxConnectorOptions } from './sandbox';
import { createThreadsConnector, type ThreadsConnectorOptions } from './threads';
import { createTikTokConnector, type TikTokConnectorOptions } from './tiktok';
import { createTwitterConnector, type TwitterConnectorOptions } from './twitter';

/** Per-network tuning a deployment or a test may set; every field has a production default. */
export interface ConnectorOptions {
  bluesky?: BlueskyConnectorOptions;
  mastodon?: MastodonConnectorOptions;
  twitter?: TwitterConnectorOptions;
  linkedin?: LinkedInConnectorOptions;
  instagram?: InstagramConnectorOptions;
  threads?: ThreadsConnectorOptions;
  tiktok?: TikTokConnectorOptions;
  sandbox?: SandboxConnectorOptions;
}

/**
 * Where each network's endpoints point when not at the real hosts, and connector options.
 * Endpoint names are each connector's own (`api`, `auth`, `service`...), hence per platform.
 */
export interface ConnectorOverrides {
  endpoints?: Partial<Record<Platform, Record<string, string>>>;
  options?: ConnectorOptions;
  timeoutMs?: number;
}

type Factory = (context: ConnectorContext, options: ConnectorOptions) => Connector;

/**
 * The connectors this build ships, one per folder of functions/platforms. A target whose
 * platform has no connector fails with a clear reason instead of waiting forever.
 */
const FACTORIES: Partial<Record<Platform, Factory>> = {
  bluesky: (context, options) => createBlueskyConnector(context, options.bluesky),
  mastodon: (context, options) => createMastodonConnector(context, options.mastodon),
  twitter: (context, options) => createTwitterConnector(context, options.twitter),
  linkedin: (context, options) => createLinkedInConnector(context, options.linkedin),
  facebook: (context) => createFacebookConnector(context),
  instagram: (context, options) => createInstagramConnector(context, options.instagram),
  threads: (context, options) => createThreadsConnector(context, options.threads),
  tiktok: (context, options) => createTikTokConnector(context, options.tiktok),
  sandbox: (context, options) => createSandboxConnector(context, options.sandbox),
};

/** Platform calls are bounded so a slow network cannot hold a Lambda to its timeout. */
const DEFAULT_TIMEOUT_MS = 20_000;

let overrides: ConnectorOverrides = {};
/** Connectors keep per-process state (X's quota counters), so one per context and platform. */
let cache = new WeakMap<ConnectorContext, Map<Platform, Connector>>();
let contexts = new WeakMap<object, ConnectorContext>();

/**
 * Points connectors at other hosts and tunes them: the local runtime's tests aim them at the
 * stand-in servers in test/platforms/support. Clears connectors built with the old settings.
 */
export function overrideConnectors(next: ConnectorOverrides): void {
  overrides = next;
  cache = new WeakMap();
  contexts = new WeakMap();
}

/** What a context is built from: a container, or the few parts of one a script has. */
export interface ContextSource {
  clock: Clock;
  logger: Logger;
  /** Plume's own database (the Sandbox keeps its posts there). */
  db?: Database;
  /** Where PUBLIC_URL is read (the Sandbox links to its feed page under it). */
  env?: { PUBLIC_URL: string };
}

/**
 * The base context of a process: its clock and logger, the global fetch, a bounded timeout,
 * and the container's database and public address for the Sandbox.
 */
export function connectorContext(container: ContextSource): ConnectorContext {
  let context = contexts.get(container);
  if (!context) {
    context = {
      // Requests made inside a publish call stop at its deadline (call-deadline.ts).
      fetch: (input, init) => globalThis.fetch(input, withDeadlineSignal(init)),
      clock: container.clock,
      logger: container.logger,
      timeoutMs: overrides.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      database: container.db,
      publicUrl: container.env?.PUBLIC_URL,
    };
    contexts.set(container, context);
  }
  return context;
}

/** The connector of `platform`, or undefined when this build has none for it. */
export function connectorFor(platform: Platform, context: ConnectorContext): Connector | undefined {
  const factory = FACTORIES[platform];
  if (!factory) return undefined;
  let byPlatform = cache.get(context);
  if (!byPlatform) {
    byPlatform = new Map();
    cache.set(context, byPlatform);
  }
  let connector = byPlatform.get(platform);
  if (!connector) {
    const endpoints = { ...context.endpoints, ...overrides.endpoints?.[platform] };
    connector = factory(
      Object.keys(endpoints).length > 0 ? { ...context, endpoints } : context,
      overrides.options ?? {},
    );
    byPlatform.set(platform, connector);
  }
  return connector;
}

/**
 * The context and options a network's other clients (competitor readers) run with: the same
 * endpoint overrides and options as its connector, so tests aim both at the same stand-ins.
 */
export function platformSettings(
  platform: Platform,
  context: ConnectorContext,
): { context: ConnectorContext; options: ConnectorOptions } {
  const endpoints = { ...context.endpoints, ...overrides.endpoints?.[platform] };
  return {
    context: Object.keys(endpoints).length > 0 ? { ...context, endpoints } : context,
    options: overrides.options ?? {},
  };
}

/** Platforms this build can connect and publish to. */
export function supportedPlatforms(): Platform[] {
  return Object.keys(FACTORIES) as Platform[];
}
