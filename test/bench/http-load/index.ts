import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skipped, type Benchmark, type BenchOptions, type BenchResult, type BenchTable } from '../benchmark';
import { formatCount, formatMs, formatRatio } from '../format';
import { ratio, round2 } from '../stats';
import { REPO_ROOT } from '../paths';
import { BASELINE_SERVER, rememberBaselineHealth } from './baseline';
import type { LoadResult } from './load';
import { measureRoute, selectRoutes } from './measure-route';
import { startServerProcess, type ServerProcess } from './server-process';

const PLUME_SERVER = fileURLToPath(new URL('./plume-server.ts', import.meta.url));

/** Each endpoint under load, and the bare-server path doing the same work. */
const TARGETS = [
  {
    key: 'health',
    name: 'GET /api/health',
    plumePath: '/api/health',
    baselinePath: '/health',
    baseline: 'node:http + select 1',
  },
  {
    key: 'openapi',
    name: 'GET /api/openapi.json',
    plumePath: '/api/openapi.json',
    baselinePath: '/openapi.json',
    baseline: 'node:http + same bytes',
  },
] as const;

type Target = (typeof TARGETS)[number];
type TargetName = Target['name'];

interface ServerRun {
  startupMs: number;
  results: Partial<Record<TargetName, LoadResult>>;
  profiles: BenchTable[];
  profileFiles: string[];
}

/** Fails loudly when an endpoint does not answer 2xx: a benchmark of error pages means nothing. */
async function expectOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response;
}

async function measureServer(
  server: ServerProcess,
  targets: readonly Target[],
  path: (target: Target) => string,
  options: BenchOptions,
  label: string,
): Promise<ServerRun> {
  const run: ServerRun = { startupMs: server.startupMs, results: {}, profiles: [], profileFiles: [] };
  for (const target of targets) {
    const measured = await measureRoute(
      server,
      { key: target.key, name: target.name, path: path(target) },
      options,
      label,
    );
    run.results[target.name] = measured.result;
    if (measured.profile) {
      run.profiles.push(...measured.profile.tables);
      run.profileFiles.push(measured.profile.file);
    }
  }
  return run;
}

/** `postgres://user:secret@host:5432/db` -> `host:5432/db` (never print credentials). */
export function describeDatabase(url: string | undefined): string {
  if (!url) return 'PGlite (embedded, fresh temp directory per server)';
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname} (DATABASE_URL)`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

async function withServer<T>(
  entry: string,
  config: Parameters<typeof startServerProcess>[1],
  use: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  const server = await startServerProcess(entry, config);
  try {
    return await use(server);
  } finally {
    await server.stop();
  }
}

/**
 * Row 2: the local runtime (the same Lambda handlers behind a node:http front) under load,
 * against a bare server doing the same database work, both measured in this run.
 */
export const httpLoad: Benchmark = {
  name: 'http-load',
  summary: 'HTTP throughput and latency of the local runtime vs a bare node:http baseline',
  async run(options: BenchOptions): Promise<BenchResult> {
    const settings = {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
    };
    const targets = selectRoutes(TARGETS, options);
    if (targets.length === 0) return skipped('no http-load route selected by --route (health, openapi)');
    const database = describeDatabase(options.databaseUrl);
    const workDir = await mkdtemp(join(tmpdir(), 'plume-bench-http-'));
    try {
      const openApiFile = join(workDir, 'openapi.json');
      const plume = await withServer(
        PLUME_SERVER,
        { databaseUrl: options.databaseUrl, dataDir: join(workDir, 'plume') },
        async (server) => {
          // The baseline serves exactly the bytes Plume serves, so the comparison is like for like.
          await writeFile(
            openApiFile,
            Buffer.from(await (await expectOk(`${server.url}/api/openapi.json`)).arrayBuffer()),
          );
          return measureServer(server, targets, (t) => t.plumePath, options, 'plume');
        },
      );
      // A profiled run's figures carry the profiler's cost: no baseline, no ratios.
      const baseline: ServerRun | undefined = options.profile
        ? undefined
        : await withServer(
            BASELINE_SERVER,
            { databaseUrl: options.databaseUrl, dataDir: join(workDir, 'baseline'), openApiFile },
            (server) => measureServer(server, targets, (t) => t.baselinePath, options, 'baseline'),
          );
      const baselineHealth = baseline?.results['GET /api/health'];
      if (baselineHealth) rememberBaselineHealth(options, baselineHealth);

      const rows: string[][] = [];
      const findings: string[] = [];
      const comparisons = targets.map((target) => {
        const p = plume.results[target.name];
        const b = baseline?.results[target.name];
        const throughputRatio = ratio(p?.requestsPerSecond, b?.requestsPerSecond);
        const p99Ratio = ratio(p?.latencyMs.p99, b?.latencyMs.p99);
        for (const [server, result, ratios] of [
          ['plume', p, [formatRatio(throughputRatio), formatRatio(p99Ratio)]],
          [`baseline (${target.baseline})`, b, ['1.00x', '1.00x']],
        ] as const) {
          if (!result) continue;
          rows.push([
            target.name,
            server,
            formatCount(result.requestsPerSecond),
            formatMs(result.latencyMs.p50),
            formatMs(result.latencyMs.p95),
            formatMs(result.latencyMs.p99),
            formatCount(result.errors),
            formatCount(result.non2xx),
            ...ratios,
          ]);
          if (result.errors > 0 || result.non2xx > 0) {
            findings.push(
              `${target.name} on ${server}: ${result.errors} connection errors/timeouts and ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodes)})`,
            );
          }
        }
        return {
          target: target.name,
          plume: p,
          baseline: b,
          throughputRatio: throughputRatio === undefined ? undefined : round2(throughputRatio),
          p99Ratio: p99Ratio === undefined ? undefined : round2(p99Ratio),
        };
      });

      return {
        tables: [
          {
            title: `HTTP under load (autocannon, ${settings.connections} connections, ${settings.durationSeconds}s measured after ${settings.warmupSeconds}s warm-up; ${database})`,
            columns: [
              'endpoint',
              'server',
              'req/s',
              'p50',
              'p95',
              'p99',
              'errors',
              'non-2xx',
              'req/s vs base',
              'p99 vs base',
            ],
            rows,
          },
          ...plume.profiles,
        ],
        notes: [
          `Database: ${database}.`,
          `Plume is the local runtime (startLocalRuntime, the same area handlers Lambda runs) in its own node process; it was ready ${Math.round(plume.startupMs)} ms after spawn (migrations included). The baseline is a bare node:http server in its own process.`,
          `"vs base" is Plume / baseline: below 1.00x throughput or above 1.00x p99 is the cost of Plume's layers (routing, event shaping, middy, validation, container).`,
          `The load generator (autocannon) runs in the bench's own process, the servers each in theirs; on 2 cores they compete for the CPU, so compare ratios across runs rather than absolute req/s across machines.`,
          ...(options.profile
            ? [
                `Profiled: the server's CPU profile covers each measured phase only (${plume.profileFiles.map((f) => relative(REPO_ROOT, f)).join(', ')}); the profiler costs throughput, so no baseline was measured.`,
              ]
            : []),
        ],
        findings,
        data: {
          database,
          settings,
          plumeStartupMs: Math.round(plume.startupMs),
          baselineStartupMs: baseline ? Math.round(baseline.startupMs) : undefined,
          profiles: plume.profileFiles.map((f) => relative(REPO_ROOT, f)),
          comparisons,
        },
      };
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  },
};
