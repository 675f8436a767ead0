import { withSystem } from '../../../functions/db/tenant';
import { socialAccounts } from '../../../functions/db/schema';
import type { Benchmark, BenchOptions, BenchResult } from '../benchmark';
import { formatMs } from '../format';
import { percentileOfSorted, round2 } from '../stats';
import { startBenchRuntime } from '../publish-lateness/bench-runtime';

interface Phase {
  name: string;
  request: (i: number) => { method: string; path: string; body?: unknown };
}

/** Runs `connections` loops of one request type for `seconds`, returning sorted latencies (ms). */
async function load(
  url: string,
  token: string,
  phase: Phase,
  connections: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const { method, path, body } = phase.request((i += 1));
        const started = performance.now();
        const response = await fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            'sec-fetch-site': 'same-origin',
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) errors += 1;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors };
}

export const postsApi: Benchmark = {
  name: 'posts-api',
  summary: 'Posts API p50/p95 under concurrent load (create, list, get, calendar)',
  async run(options: BenchOptions): Promise<BenchResult> {
    const bench = await startBenchRuntime(options.databaseUrl);
    try {
      const [account] = await withSystem(bench.runtime.container.db, (tx) =>
        tx
          .insert(socialAccounts)
          .values({
            organizationId: bench.organizationId,
            platform: 'sandbox',
            accountId: 'bench',
            accountName: 'Bench',
          })
          .returning({ id: socialAccounts.id }),
      );
      const create = (i: number) => ({
        method: 'POST',
        path: '/api/posts',
        body: { content: `Bench post ${i}`, targets: [{ socialAccountId: account!.id }] },
      });
      // Seed so lists and the calendar have rows to page through.
      const first = await fetch(`${bench.runtime.url}/api/posts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${bench.token}`,
          'content-type': 'application/json',
          'sec-fetch-site': 'same-origin',
        },
        body: JSON.stringify(create(0).body),
      });
      const seeded = (await first.json()) as { id: string };
      const phases: Phase[] = [
        { name: 'POST /api/posts', request: create },
        { name: 'GET /api/posts?limit=20', request: () => ({ method: 'GET', path: '/api/posts?limit=20' }) },
        {
          name: 'GET /api/posts?q=Bench&page=2',
          request: () => ({ method: 'GET', path: '/api/posts?q=Bench&limit=20&page=2' }),
        },
        { name: 'GET /api/posts/{id}', request: () => ({ method: 'GET', path: `/api/posts/${seeded.id}` }) },
        {
          name: 'GET /api/posts/calendar (31 days)',
          request: () => ({
            method: 'GET',
            path: '/api/posts/calendar?from=2026-01-01&to=2026-01-31&timeZone=Europe/London',
          }),
        },
      ];
      const rows: string[][] = [];
      const data: Record<string, unknown> = {};
      const seconds = options.quick ? 2 : options.durationSeconds;
      for (const phase of phases) {
        process.stderr.write(
          `  posts-api: ${phase.name} (${seconds}s, ${options.connections} connections)\n`,
        );
        await load(
          bench.runtime.url,
          bench.token,
          phase,
          options.connections,
          Math.min(1, options.warmupSeconds),
        );
        const { latencies, errors } = await load(
          bench.runtime.url,
          bench.token,
          phase,
          options.connections,
          seconds,
        );
        const rps = latencies.length / seconds;
        rows.push([
          phase.name,
          String(Math.round(rps)),
          formatMs(percentileOfSorted(latencies, 50)),
          formatMs(percentileOfSorted(latencies, 95)),
          String(errors),
        ]);
        data[phase.name] = {
          requests: latencies.length,
          rps: round2(rps),
          p50: round2(percentileOfSorted(latencies, 50)),
          p95: round2(percentileOfSorted(latencies, 95)),
          errors,
        };
      }
      return {
        tables: [
          {
            title: `Posts API under ${options.connections} concurrent connections`,
            columns: ['route', 'req/s', 'p50', 'p95', 'errors'],
            rows,
          },
        ],
        notes: [
          'In-process local runtime (same handlers as Lambda); the load generator shares the CPU.',
          options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'PGlite (embedded)',
        ],
        findings: rows.filter((r) => r[4] !== '0').map((r) => `${r[0]} answered ${r[4]} errors`),
        data,
      };
    } finally {
      await bench.stop();
    }
  },
};
