import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions } from '../benchmark';
import { runLoad, type LoadResult } from './load';
import { cpuPerRequest } from './measure-route';
import { startServerProcess } from './server-process';

export const BASELINE_SERVER = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

/** The figures every HTTP row divides by: the bare server's `select 1`, measured once per run. */
const measured = new Map<string, Promise<BaselineResult>>();

/** The baseline's load figures and its server's CPU per request (see RouteMeasurement). */
export type BaselineResult = LoadResult & { serverCpuUsPerRequest?: number };

const keyOf = (options: BenchOptions): string =>
  JSON.stringify([options.databaseUrl ?? 'pglite', options.connections, options.durationSeconds]);

/** http-load measures the baseline with its own rows; it hands the `select 1` figure on here. */
export function rememberBaselineHealth(options: BenchOptions, result: BaselineResult): void {
  measured.set(keyOf(options), Promise.resolve(result));
}

/**
 * The bare baseline (node:http + the driver's `select 1`, its own process) under the same
 * load settings, measured in this run: reused when http-load already measured it, else
 * measured now (e.g. `--only posts-api`).
 */
export function baselineHealth(options: BenchOptions): Promise<BaselineResult> {
  const key = keyOf(options);
  let result = measured.get(key);
  if (!result) {
    result = measureBaselineHealth(options);
    measured.set(key, result);
    // A failed measurement is not remembered: the next row may try again.
    result.catch(() => measured.delete(key));
  }
  return result;
}

async function measureBaselineHealth(options: BenchOptions): Promise<BaselineResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-baseline-'));
  const server = await startServerProcess(BASELINE_SERVER, { databaseUrl: options.databaseUrl, dataDir });
  try {
    const url = `${server.url}/health`;
    process.stderr.write(
      `  baseline: GET /health (warm-up ${options.warmupSeconds}s, measure ${options.durationSeconds}s)\n`,
    );
    const settings = { connections: options.connections, durationSeconds: options.warmupSeconds };
    await runLoad(url, settings);
    const before = await server.call<NodeJS.CpuUsage>('cpu-usage', {});
    const result = await runLoad(url, { ...settings, durationSeconds: options.durationSeconds });
    const after = await server.call<NodeJS.CpuUsage>('cpu-usage', {});
    return { ...result, serverCpuUsPerRequest: cpuPerRequest(before, after, result.requests) };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
