import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { BenchApi } from '../bench-api';
import { skipped, type Benchmark, type BenchOptions, type BenchResult, type TargetCheck } from '../benchmark';
import { formatCount, formatMs } from '../format';
import type { LoadResult } from '../http-load/load';
import { measureRoute, selectRoutes, type RouteLoad } from '../http-load/measure-route';
import { startServerProcess } from '../http-load/server-process';
import { round2 } from '../stats';
import { analyticsPlans, type AnalyticsRange, type QueryPlan } from './plans';
import { SCALE, seedScale } from './seed';

const PLUME_SERVER = fileURLToPath(new URL('../http-load/plume-server.ts', import.meta.url));

/** The bar for the three analytics reads at this scale. */
export const ANALYTICS_P95_LIMIT_MS = 300;
/**
 * Concurrent requests. The issue names no concurrency, so the bar is judged for one person
 * reading (one request in flight: the latency of the read itself), and ten in flight (a few
 * people opening the three-read page together on this 2-core box, database included) is
 * printed beside it to show how it degrades under load.
 */
export const ANALYTICS_CONNECTIONS = [1, 10] as const;
const JUDGED_CONNECTIONS = 1;

const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

function ranges(now: Date): Record<'quarter' | 'twoYears', AnalyticsRange> {
  const day = 86_400_000;
  return {
    quarter: { from: isoDay(new Date(now.getTime() - 89 * day)), to: isoDay(now), timeZone: 'Europe/Berlin' },
    twoYears: {
      from: isoDay(new Date(now.getTime() - (SCALE.days - 1) * day)),
      to: isoDay(now),
      timeZone: 'Europe/Berlin',
    },
  };
}

function routes(token: string, all: ReturnType<typeof ranges>): RouteLoad[] {
  const headers = { authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-origin' };
  const query = (range: AnalyticsRange) =>
    `from=${range.from}&to=${range.to}&timeZone=${encodeURIComponent(range.timeZone)}`;
  return (
    [
      ['quarter', '90 days'],
      ['twoYears', '2 years'],
    ] as const
  ).flatMap(([key, label]) => [
    {
      key: `overview-${key}`,
      name: `GET /api/analytics/overview (${label})`,
      path: `/api/analytics/overview?${query(all[key])}`,
      request: { headers },
    },
    {
      key: `posts-${key}`,
      name: `GET /api/analytics/posts (${label}, 50 by engagement)`,
      path: `/api/analytics/posts?${query(all[key])}&sort=engagement&limit=50`,
      request: { headers },
    },
    {
      key: `heatmap-${key}`,
      name: `GET /api/analytics/engagement (${label})`,
      path: `/api/analytics/engagement?${query(all[key])}`,
      request: { headers },
    },
  ]);
}

/**
 * The analytics reads of an organization the size the issue names (100 accounts, 20,000
 * posts, two years of metrics) against PostgreSQL, server in its own process, with the query
 * plans PostgreSQL chose for them.
 */
export const analyticsScale: Benchmark = {
  name: 'analytics-scale',
  summary: 'Analytics overview, posts and heatmap at 100 accounts / 20,000 posts / 2 years, with query plans',
  async run(options: BenchOptions): Promise<BenchResult> {
    const databaseUrl = options.databaseUrl;
    if (!databaseUrl)
      return skipped('needs PostgreSQL: set DATABASE_URL (the issue measures against PostgreSQL)');
    const loads = routes('', ranges(new Date()));
    if (options.routes.length > 0 && selectRoutes(loads, options).length === 0)
      return skipped(`no analytics-scale route selected by --route (${loads.map((r) => r.key).join(', ')})`);
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-analytics-'));
    const server = await startServerProcess(PLUME_SERVER, {
      databaseUrl,
      dataDir,
      env: { API_RATE_LIMIT_PER_MINUTE: '100000000' },
    });
    const owner = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      const api = new BenchApi(server.url);
      const { organizationId } = await api.register('Analytics scale bench');
      const accountId = await api.connectSandbox(`scale-${crypto.randomUUID().slice(0, 6)}`);
      const seed = await seedScale(owner, organizationId, accountId);
      const all = ranges(new Date());
      const measured: Array<{ route: RouteLoad; connections: number; result: LoadResult; cpu: number }> = [];
      for (const route of selectRoutes(routes(api.accessToken, all), options)) {
        for (const connections of ANALYTICS_CONNECTIONS) {
          const settings = { ...options, connections };
          const { result, serverCpuUsPerRequest } = await measureRoute(
            server,
            route,
            settings,
            'analytics-scale',
          );
          measured.push({ route, connections, result, cpu: serverCpuUsPerRequest });
        }
      }
      const plans = await analyticsPlans(databaseUrl, organizationId, all.twoYears);
      const targets: TargetCheck[] = measured.map(({ route, connections, result }) => ({
        name: `${route.name} p95, ${connections} in flight`,
        target: `<= ${ANALYTICS_P95_LIMIT_MS} ms${connections === JUDGED_CONNECTIONS ? '' : ' (shown, not judged)'}`,
        measured: formatMs(result.latencyMs.p95),
        met:
          connections === JUDGED_CONNECTIONS
            ? result.errors + result.non2xx === 0 && result.latencyMs.p95 <= ANALYTICS_P95_LIMIT_MS
            : undefined,
        ...(result.errors + result.non2xx > 0 ? { note: 'errors or non-2xx under load' } : {}),
      }));
      return {
        tables: [
          {
            title: `Analytics at ${SCALE.accounts} accounts / ${formatCount(SCALE.posts)} posts / ${SCALE.days} days (${options.durationSeconds}s measured after ${options.warmupSeconds}s warm-up; PostgreSQL)`,
            columns: ['route', 'in flight', 'req/s', 'p50', 'p95', 'p99', 'non-2xx', 'server CPU/req'],
            rows: measured.map(({ route, connections, result, cpu }) => [
              route.name,
              String(connections),
              formatCount(result.requestsPerSecond),
              formatMs(result.latencyMs.p50),
              formatMs(result.latencyMs.p95),
              formatMs(result.latencyMs.p99),
              formatCount(result.errors + result.non2xx),
              `${formatCount(cpu)} µs`,
            ]),
          },
        ],
        notes: [
          `Seeded in SQL in ${(seed.ms / 1000).toFixed(1)} s: ${seed.accounts} accounts, ${formatCount(seed.posts)} published posts over ${SCALE.days} days, ${formatCount(seed.snapshots)} metric snapshots (hourly for 48 h on posts of the last 90 days, then daily to day 30, as sync and retention keep them), ${formatCount(seed.accountDays)} account-days of followers.`,
          `Query plans (auto_explain, EXPLAIN ANALYZE with buffers, row-level security on, two-year range) are in the results file under analytics-scale.plans; the README quotes them.`,
          ...plans.map((p) => `plan of ${p.read}: ${firstLines(p.plan, 3)}`),
        ],
        findings: measured
          .filter(({ result }) => result.errors > 0 || result.non2xx > 0)
          .map(({ route, result }) => `${route.name}: ${result.errors} errors and ${result.non2xx} non-2xx`),
        targets,
        data: {
          scale: SCALE,
          seed: { ...seed, ms: round2(seed.ms) },
          connections: ANALYTICS_CONNECTIONS,
          routes: Object.fromEntries(
            measured.map(({ route, connections, result, cpu }) => [
              `${route.key}@${connections}`,
              { name: route.name, connections, result, serverCpuUsPerRequest: cpu },
            ]),
          ),
          plans: plans satisfies QueryPlan[],
        },
      };
    } finally {
      await owner.end();
      await server.stop();
    }
  },
};

function firstLines(text: string, count: number): string {
  return text
    .split('\n')
    .slice(0, count)
    .map((line) => line.trim())
    .join(' | ');
}
