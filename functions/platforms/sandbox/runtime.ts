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
  /**
   * Where sandbox posts are stored. Default: the process container's database, resolved on
   * first use (the sandbox lives in Plume's own database, locally and in AWS).
   */
  db?: Database | (() => Promise<Database>);
  /** Base of links to the feed page (`<publicUrl>/api/sandbox/feed?post=…`). Default: `context.endpoints.web`, else the process container's PUBLIC_URL. */
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

export function createSandboxRuntime(
  context: ConnectorContext,
  options: SandboxConnectorOptions = {},
): SandboxRuntime {
  const { db } = options;
  return {
    context,
    database: async () => {
      if (typeof db === 'function') return db();
      if (db) return db;
      const { getContainer } = await import('../../adapters/container');
      return (await getContainer()).db;
    },
    publicUrl: async () => {
      const configured = options.publicUrl ?? context.endpoints?.web;
      if (configured) return configured.replace(/\/+$/, '');
      // The container's settings, not process.env: the local runtime derives PUBLIC_URL from
      // the address it really listens on, which process.env never learns.
      // Without a container (a script using the connector alone) the environment's value.
      const { getContainer } = await import('../../adapters/container');
      const { loadEnv } = await import('../../config/env');
      const env = await getContainer().then(
        (container) => container.env,
        () => loadEnv(),
      );
      return env.PUBLIC_URL.replace(/\/+$/, '');
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
