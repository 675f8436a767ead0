/** What the benchmark and its server child processes say to each other over IPC. */

export interface ServerConfig {
  /** postgres:// URL, or undefined for PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** A fresh temporary directory owned by this server. */
  dataDir: string;
  /** Baseline only: the body to answer /openapi.json with (same bytes Plume serves). */
  openApiFile?: string;
}

export type ServerMessage =
  { type: 'ready'; url: string; database: 'postgres' | 'pglite' } | { type: 'failed'; error: string };

/** The parent sends this to ask for a clean shutdown. */
export const STOP = 'stop';

export const CONFIG_VARIABLE = 'PLUME_BENCH_SERVER_CONFIG';

export function readServerConfig(): ServerConfig {
  const raw = process.env[CONFIG_VARIABLE];
  if (!raw) throw new Error(`${CONFIG_VARIABLE} is not set: this file is started by test/bench/http-load`);
  return JSON.parse(raw) as ServerConfig;
}

export function sendToParent(message: ServerMessage): void {
  process.send?.(message);
}
