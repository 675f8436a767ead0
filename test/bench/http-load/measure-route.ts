import { join } from 'node:path';
import type { BenchOptions, BenchTable } from '../benchmark';
import { REPO_ROOT } from '../paths';
import { profileTables, readProfile, summarizeProfile, type ProfileSummary } from '../profile/summarize';
import { runLoad, type LoadRequest, type LoadResult } from './load';
import type { ServerProcess } from './server-process';

export const PROFILE_DIR = join(REPO_ROOT, '.bench-build', 'profiles');

export interface RouteLoad {
  /** The `--route` key, e.g. `get-post`. */
  key: string;
  /** What the tables print, e.g. `GET /api/posts/{id}`. */
  name: string;
  path: string;
  request?: LoadRequest;
}

export interface RouteMeasurement {
  result: LoadResult;
  /**
   * CPU time (user + system) the server process spent per answered request during the
   * measured phase, in microseconds. Steadier than req/s on a shared machine: what other work
   * takes from the cores changes req/s, much less what each request costs.
   */
  serverCpuUsPerRequest: number;
  /** With --profile: the .cpuprofile of the measured phase and its summary tables. */
  profile?: { file: string; summary: ProfileSummary; tables: BenchTable[] };
}

/** Routes named by --route, all of them when it is not given. */
export function selectRoutes<T extends { key: string }>(routes: readonly T[], options: BenchOptions): T[] {
  return options.routes.length === 0 ? [...routes] : routes.filter((r) => options.routes.includes(r.key));
}

/**
 * One route of a server child: a request that must answer 2xx, a discarded warm-up, then
 * the measured phase (autocannon in this process, the server in its own). With --profile
 * the server's CPU profiler runs during the measured phase only.
 */
export async function measureRoute(
  server: ServerProcess,
  route: RouteLoad,
  options: BenchOptions,
  label: string,
): Promise<RouteMeasurement> {
  const url = `${server.url}${route.path}`;
  const probe = await fetch(url, {
    method: route.request?.method ?? 'GET',
    headers: route.request?.headers,
    body: route.request?.body?.replaceAll('[<id>]', crypto.randomUUID()),
  });
  if (!probe.ok)
    throw new Error(`${route.name} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
  await probe.arrayBuffer();
  process.stderr.write(
    `  ${label}: ${route.name} (warm-up ${options.warmupSeconds}s, measure ${options.durationSeconds}s${options.profile ? ', profiling' : ''})\n`,
  );
  const settings = { connections: options.connections, durationSeconds: options.warmupSeconds };
  await runLoad(url, settings, route.request);
  if (options.profile) await server.call('profile-start', { intervalUs: options.profileIntervalUs });
  const cpuBefore = await server.call<NodeJS.CpuUsage>('cpu-usage', {});
  const result = await runLoad(url, { ...settings, durationSeconds: options.durationSeconds }, route.request);
  const cpuAfter = await server.call<NodeJS.CpuUsage>('cpu-usage', {});
  const serverCpuUsPerRequest = cpuPerRequest(cpuBefore, cpuAfter, result.requests);
  if (!options.profile) return { result, serverCpuUsPerRequest };
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const file = await server.call<string>('profile-stop', {
    file: join(PROFILE_DIR, `${stamp}-${label}-${route.key}.cpuprofile`),
  });
  const summary = summarizeProfile(await readProfile(file));
  return {
    result,
    serverCpuUsPerRequest,
    profile: { file, summary, tables: profileTables(summary, `${label} ${route.name}`) },
  };
}

/** Microseconds of the server's CPU per request between two `process.cpuUsage()` readings. */
export function cpuPerRequest(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, requests: number): number {
  if (requests === 0) return 0;
  return Math.round((after.user - before.user + after.system - before.system) / requests);
}
