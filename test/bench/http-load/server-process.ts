import { fork, type ChildProcess } from 'node:child_process';
import {
  CONFIG_VARIABLE,
  STOP,
  type ServerCall,
  type ServerConfig,
  type ServerMessage,
} from './server-messages';

export interface ServerProcess {
  url: string;
  /** 'none' for a child that holds no database (the WebSocket row's dashboard clients). */
  database: 'postgres' | 'pglite' | 'none';
  /** Spawn to ready, including migrations for Plume. */
  startupMs: number;
  stop(): Promise<void>;
  /** `kill -9`: the process dies at once, whatever it was doing (the recovery benchmark). */
  kill(): Promise<void>;
  /** Runs a bench hook in the child (see `serveCalls`) and resolves with its result. */
  call<T>(method: string, args?: unknown): Promise<T>;
}

const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const OUTPUT_TAIL_CHARS = 4000;

/**
 * Starts a server file in its own node process (with tsx, as `npm start` runs) and waits
 * for its ready message. The child's output is drained into a small tail kept for errors.
 */
export async function startServerProcess(entry: string, config: ServerConfig): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...config.env,
    [CONFIG_VARIABLE]: JSON.stringify(config),
  };
  // The runtime falls back to DATABASE_URL; the config alone must decide.
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const ready = await new Promise<Extract<ServerMessage, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`${entry} did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n--- server output ---\n${tail}`));
    };
    child.on('message', (message: ServerMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      } else if (message.type === 'failed') fail(new Error(`${entry} failed to start: ${message.error}`));
    });
    child.once('exit', (code) => fail(new Error(`${entry} exited with code ${code} before it was ready`)));
  });
  const startupMs = performance.now() - started;
  child.removeAllListeners('exit');

  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  child.on('message', (message: ServerMessage) => {
    if (message.type !== 'reply') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.ok) waiter?.resolve(message.result);
    else waiter?.reject(new Error(`bench hook failed in the server: ${message.error}`));
  });
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values())
      waiter.reject(
        new Error(`server exited (${signal ?? code}) during a call\n--- server output ---\n${tail}`),
      );
    pending.clear();
  });

  return {
    url: ready.url,
    database: ready.database,
    startupMs,
    stop: () => stopChild(child),
    kill: () => killChild(child),
    call: <T>(method: string, args?: unknown) =>
      new Promise<T>((resolve, reject) => {
        nextId += 1;
        pending.set(nextId, { resolve: resolve as (value: unknown) => void, reject });
        const call: ServerCall = { type: 'call', id: nextId, method, args };
        child.send(call);
      }),
  };
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send(STOP);
  });
}
