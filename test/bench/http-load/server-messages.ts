/** What the benchmark and its server child processes say to each other over IPC. */

export interface ServerConfig {
  /** postgres:// URL, or undefined for PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** A fresh temporary directory owned by this server. */
  dataDir: string;
  /** Baseline only: the body to answer /openapi.json with (same bytes Plume serves). */
  openApiFile?: string;
  /** Plume only: variables set before the runtime starts (e.g. API_RATE_LIMIT_PER_MINUTE). */
  env?: Record<string, string>;
}

export type ServerMessage =
  | { type: 'ready'; url: string; database: 'postgres' | 'pglite' | 'none' }
  | { type: 'failed'; error: string }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string };

/** The parent sends this to ask for a clean shutdown. */
export const STOP = 'stop';

/**
 * A request from the benchmark to a bench-only hook of the server child (profiling, minting
 * WebSocket tickets, broadcasting): answered by a `reply` with the same id.
 */
export interface ServerCall {
  type: 'call';
  id: number;
  method: string;
  args: unknown;
}

export const CONFIG_VARIABLE = 'PLUME_BENCH_SERVER_CONFIG';

export function readServerConfig(): ServerConfig {
  const raw = process.env[CONFIG_VARIABLE];
  if (!raw) throw new Error(`${CONFIG_VARIABLE} is not set: this file is started by test/bench/http-load`);
  return JSON.parse(raw) as ServerConfig;
}

export function sendToParent(message: ServerMessage): void {
  process.send?.(message);
}

export function isServerCall(message: unknown): message is ServerCall {
  return typeof message === 'object' && message !== null && (message as ServerCall).type === 'call';
}

/** Answers the parent's calls with `hooks[method](args)`; an unknown method or a throw is an error reply. */
export function serveCalls(hooks: Record<string, (args: never) => Promise<unknown>>): void {
  process.on('message', (message) => {
    if (!isServerCall(message)) return;
    const hook = hooks[message.method];
    const answer = hook
      ? hook(message.args as never)
      : Promise.reject(new Error(`no bench hook ${message.method}`));
    answer.then(
      (result) => sendToParent({ type: 'reply', id: message.id, ok: true, result }),
      (error: unknown) =>
        sendToParent({
          type: 'reply',
          id: message.id,
          ok: false,
          error: String((error as Error).stack ?? error),
        }),
    );
  });
}
