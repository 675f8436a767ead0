import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchApi } from '../bench-api';
import { skipped, type Benchmark, type BenchOptions, type BenchResult, type BenchTable } from '../benchmark';
import { formatCount, formatMs, formatRatio } from '../format';
import { baselineHealth } from '../http-load/baseline';
import { describeDatabase } from '../http-load/index';
import type { LoadResult } from '../http-load/load';
import { measureRoute, selectRoutes, type RouteLoad } from '../http-load/measure-route';
import { startServerProcess } from '../http-load/server-process';
import { REPO_ROOT } from '../paths';
import { ratio, round2 } from '../stats';
import { postsApiTargets, type RouteGoal } from './targets';

const PLUME_SERVER = fileURLToPath(new URL('../http-load/plume-server.ts', import.meta.url));

/** What the organization holds before any route is loaded, so reads page through real rows. */
const SEED = { drafts: 500, scheduled: 300, scheduledOverDays: 100, calendarDays: 31 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (at: number): string => new Date(at).toISOString().slice(0, 10);

interface Seeded {
  accountId: string;
  postId: string;
  calendar: { from: string; to: string };
}

/**
 * One organization with one Sandbox account, 500 drafts and 300 scheduled posts spread
 * over 100 days from 40 days ahead (about 93 in the calendar's 31 days; far enough that the
 * scheduler never fires them during the run).
 */
async function seed(api: BenchApi): Promise<Seeded> {
  await api.register('Posts API bench');
  const accountId = await api.connectSandbox(`posts-bench-${crypto.randomUUID().slice(0, 6)}`);
  const firstDay = Date.now() + 40 * DAY_MS;
  await api.bulkSchedule(
    Array.from({ length: SEED.scheduled }, (_, i) => ({
      content: `Bench scheduled post ${i}: a launch note with a link https://example.com/${i}`,
      socialAccountIds: [accountId],
      at: new Date(firstDay + (i / SEED.scheduled) * SEED.scheduledOverDays * DAY_MS).toISOString(),
    })),
  );
  let postId = '';
  let next = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < SEED.drafts) {
        const i = (next += 1);
        postId = await api.createPost(
          `Bench draft ${i}: notes for the week, #plume #draft${i % 7}`,
          accountId,
        );
      }
    }),
  );
  const calendarStart = firstDay + 20 * DAY_MS;
  return {
    accountId,
    postId,
    calendar: { from: isoDay(calendarStart), to: isoDay(calendarStart + (SEED.calendarDays - 1) * DAY_MS) },
  };
}

type PostsRoute = RouteLoad & RouteGoal;

/** The routes in load order: reads first on the seeded rows, then the writes that grow them. */
function routes(token: string, seeded: Seeded): PostsRoute[] {
  const headers = { authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-origin' };
  return [
    {
      key: 'get-post',
      name: 'GET /api/posts/{id}',
      path: `/api/posts/${seeded.postId}`,
      request: { headers },
      minShare: 0.25,
      read: true,
    },
    {
      key: 'list-posts',
      name: 'GET /api/posts?limit=20',
      path: '/api/posts?limit=20',
      request: { headers },
      minShare: 0.15,
      read: true,
    },
    {
      key: 'search-posts',
      name: 'GET /api/posts?q=Bench&page=2',
      path: '/api/posts?q=Bench&limit=20&page=2',
      request: { headers },
      minShare: 0.15,
      read: true,
    },
    {
      key: 'calendar',
      name: `GET /api/posts/calendar (${SEED.calendarDays} days)`,
      path: `/api/posts/calendar?from=${seeded.calendar.from}&to=${seeded.calendar.to}&timeZone=Europe/London`,
      request: { headers },
      minShare: 0.15,
      read: true,
    },
    {
      key: 'create-post',
      name: 'POST /api/posts',
      path: '/api/posts',
      request: {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          content: 'Bench post [<id>]',
          targets: [{ socialAccountId: seeded.accountId }],
        }),
      },
      minShare: 0.08,
      read: false,
    },
  ];
}

interface Measured {
  route: PostsRoute;
  result: LoadResult;
  serverCpuUsPerRequest: number;
  profile?: { file: string; tables: BenchTable[] };
}

/**
 * The posts API as a signed-in person uses it, the local runtime in its own process and
 * autocannon in this one, each route's req/s set against the bare baseline of the same run.
 */
export const postsApi: Benchmark = {
  name: 'posts-api',
  summary: 'Posts API (get, list, search, calendar, create) vs the bare baseline, server in its own process',
  async run(options: BenchOptions): Promise<BenchResult> {
    const keys = ['get-post', 'list-posts', 'search-posts', 'calendar', 'create-post'];
    if (options.routes.length > 0 && !options.routes.some((key) => keys.includes(key)))
      return skipped(`no posts-api route selected by --route (${keys.join(', ')})`);
    // Measured before the Plume child starts, so the two servers never share the machine.
    const baseline = options.profile ? undefined : await baselineHealth(options);
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-posts-'));
    const server = await startServerProcess(PLUME_SERVER, {
      databaseUrl: options.databaseUrl,
      dataDir,
      // Measure the API, not the per-person limiter (600/min would turn the load into 429s).
      env: { API_RATE_LIMIT_PER_MINUTE: '100000000' },
    });
    try {
      const api = new BenchApi(server.url);
      const seedStarted = performance.now();
      const seeded = await seed(api);
      const seedMs = performance.now() - seedStarted;
      const measured: Measured[] = [];
      for (const route of selectRoutes(routes(api.accessToken, seeded), options)) {
        const { result, profile, serverCpuUsPerRequest } = await measureRoute(
          server,
          route,
          options,
          'posts-api',
        );
        measured.push({ route, result, profile, serverCpuUsPerRequest });
      }

      const base = baseline?.requestsPerSecond;
      const rows = measured.map(({ route, result, serverCpuUsPerRequest }) => [
        route.name,
        formatCount(result.requestsPerSecond),
        formatMs(result.latencyMs.p50),
        formatMs(result.latencyMs.p95),
        formatMs(result.latencyMs.p99),
        formatCount(result.errors),
        formatCount(result.non2xx),
        formatRatio(ratio(result.requestsPerSecond, base)),
        `${formatCount(serverCpuUsPerRequest)} µs`,
      ]);
      if (baseline) {
        rows.push([
          'baseline: node:http + select 1',
          formatCount(baseline.requestsPerSecond),
          formatMs(baseline.latencyMs.p50),
          formatMs(baseline.latencyMs.p95),
          formatMs(baseline.latencyMs.p99),
          formatCount(baseline.errors),
          formatCount(baseline.non2xx),
          '1.00x',
          baseline.serverCpuUsPerRequest === undefined
            ? '-'
            : `${formatCount(baseline.serverCpuUsPerRequest)} µs`,
        ]);
      }
      const findings = measured
        .filter(({ result }) => result.errors > 0 || result.non2xx > 0)
        .map(
          ({ route, result }) =>
            `${route.name}: ${result.errors} connection errors/timeouts and ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodes)})`,
        );
      for (const { route } of measured.filter((m) => m.result.requests === 0)) {
        findings.push(
          `${route.name}: no answer completed within the ${options.durationSeconds} s measured phase at ${options.connections} connections (each took longer; try --duration 10 or more)`,
        );
      }
      const profiles = measured.flatMap((m) => (m.profile ? [m.profile] : []));
      return {
        tables: [
          {
            title: `Posts API as a signed-in person (autocannon, ${options.connections} connections, ${options.durationSeconds}s measured after ${options.warmupSeconds}s warm-up; ${describeDatabase(options.databaseUrl)})`,
            columns: [
              'route',
              'req/s',
              'p50',
              'p95',
              'p99',
              'errors',
              'non-2xx',
              'vs base',
              'server CPU/req',
            ],
            rows,
          },
          ...profiles.flatMap((p) => p.tables),
        ],
        notes: [
          `The local runtime runs in its own node process (http-load/plume-server.ts, ready ${Math.round(server.startupMs)} ms after spawn); autocannon runs in the bench's process; the baseline (node:http + postgres.js select 1) was measured in this run, in its own process, with the same connections and duration.`,
          `Seeded through the API in ${(seedMs / 1000).toFixed(1)} s: ${SEED.drafts} drafts and ${SEED.scheduled} scheduled posts (about ${Math.round((SEED.scheduled * SEED.calendarDays) / SEED.scheduledOverDays)} in the calendar's ${SEED.calendarDays} days); reads run before POST /api/posts adds its rows.`,
          ...(options.profile
            ? [
                `Profiled (${options.profileIntervalUs} µs sampling) during each measured phase: ${profiles.map((p) => relative(REPO_ROOT, p.file)).join(', ')}. Open one in Chrome DevTools (Performance) or speedscope; summarize any with \`npx tsx test/bench/profile/summarize.ts <file>\`. Profiling costs throughput, so no baseline and no targets.`,
              ]
            : []),
        ],
        findings,
        targets: baseline ? postsApiTargets(measured, baseline, options) : [],
        data: {
          database: describeDatabase(options.databaseUrl),
          settings: {
            connections: options.connections,
            durationSeconds: options.durationSeconds,
            warmupSeconds: options.warmupSeconds,
          },
          seed: { ...SEED, ms: round2(seedMs) },
          plumeStartupMs: Math.round(server.startupMs),
          baseline,
          routes: Object.fromEntries(
            measured.map(({ route, result, profile, serverCpuUsPerRequest }) => [
              route.key,
              {
                name: route.name,
                ...result,
                serverCpuUsPerRequest,
                shareOfBaseline: base ? round2(result.requestsPerSecond / base) : undefined,
                profile: profile ? relative(REPO_ROOT, profile.file) : undefined,
              },
            ]),
          ),
        },
      };
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
