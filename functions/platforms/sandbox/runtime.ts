import type { ConnectorContext } from '../connector';
import type { Database } from '../../db/client';

export type Sleep = (ms: number) => Promise<void>;

/** How long a `#slow` post takes to be answered: longer than the default 30 s platform timeout. */
export const SANDBOX_SLOW_RESPONSE_MS = 45_000;
/** Retry-After of a simulated 429 (`#fail-ratelimit`). */
export const SANDBOX_RATE_LIMIT_RESET_SECONDS = 60;
/** Retry-After of a simulated 503 (`#fail-transient`). */
export const SANDBOX_TRANSIENT_RETRY_SECONDS = 5;

export interface SandboxConnectorOptions {
  /** Where sandbox posts are stored. Default: `context.database`, Plume's own database. */
  db?: Database | (() => Promise<Database>);
  /** Base of links to the feed page (`<publicUrl>/api/sandbox/feed?post=…`). Default: `context.endpoints.web`, else `context.publicUrl`. */
  publicUrl?: string;
  /** Waits out a `#slow` answer when the caller's timeout allows it; tests inject one. */
  sleep?: Sleep;
}

export interface SandboxRuntime {
  context: ConnectorContext;
  database(): Promise<Database>;
  publicUrl(): Promise<string>;
  sleep: Sleep;
  /** The caller's patience for one platform call, as `platformRequest` would apply it. */
  timeoutMs: number;
}

/**
 * The Sandbox keeps its posts in Plume's own database and links to its own feed page, so it
 * needs both from its caller: the registry's context carries the container's (whose
 * PUBLIC_URL the local runtime derives from the address it really listens on). A script using
 * the connector alone passes them in the context or the options.
 */
export function createSandboxRuntime(
  context: ConnectorContext,
  options: SandboxConnectorOptions = {},
): SandboxRuntime {
  const db = options.db ?? context.database;
  return {
    context,
    database: async () => {
      if (typeof db === 'function') return db();
      if (db) return db;
      throw new Error('The Sandbox connector needs a database: pass `database` in its connector context');
    },
    publicUrl: async () => {
      const configured = options.publicUrl ?? context.endpoints?.web ?? context.publicUrl;
      if (configured) return configured.replace(/\/+$/, '');
      throw new Error(
        "The Sandbox connector needs Plume's public URL: pass `publicUrl` in its connector context",
      );
    },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    timeoutMs: context.timeoutMs ?? 30_000,
  };
}

export const sandboxFeedUrl = (base: string) => `${base}/api/sandbox/feed`;
export const sandboxPostUrl = (base: string, id: string) =>
  `${sandboxFeedUrl(base)}?post=${encodeURIComponent(id)}`;
export const sandboxProfileUrl = (base: string, handle: string) =>
  `${sandboxFeedUrl(base)}?handle=${encodeURIComponent(handle)}`;
