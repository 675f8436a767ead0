import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { BenchApi } from '../bench-api';
import { skipped, type Benchmark, type BenchOptions, type BenchResult } from '../benchmark';
import { formatBytes, formatCount } from '../format';
import { startServerProcess, type ServerProcess } from '../http-load/server-process';
import { round2 } from '../stats';
import { seedExportRows } from './seed';

const PLUME_SERVER = fileURLToPath(new URL('../http-load/plume-server.ts', import.meta.url));
const DAYS = 700;

interface ExportCase {
  label: string;
  query: string;
}

interface Measured {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  startRss: number;
  peakRss: number;
}

/** Reads the whole answer as it arrives, counting lines and bytes, holding nothing. */
async function drain(response: Response): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  return { lines, bytes };
}

async function measure(server: ServerProcess, token: string, exportCase: ExportCase): Promise<Measured> {
  await server.call('rss-start');
  const started = performance.now();
  const response = await fetch(`${server.url}/api/analytics/export?${exportCase.query}`, {
    headers: { authorization: `Bearer ${token}`, 'sec-fetch-site': 'same-origin' },
  });
  if (response.status !== 200)
    throw new Error(`${exportCase.label}: ${response.status} ${await response.text()}`);
  const { lines, bytes } = await drain(response);
  const seconds = (performance.now() - started) / 1000;
  const { startBytes, peakBytes } = await server.call<{ startBytes: number; peakBytes: number }>('rss-stop');
  // CSV: a header line; JSON: the opening and closing lines of the array.
  const rows = exportCase.query.includes('format=json') ? lines - 2 : lines - 1;
  return { label: exportCase.label, rows, bytes, seconds, startRss: startBytes, peakRss: peakBytes };
}

/**
 * `GET /api/analytics/export` over ~two years of one organization's posts (the local runtime,
 * which streams: cursor -> CSV/JSON -> chunked response), server in its own process: rows per
 * second and the server's peak resident memory while it streams. Rows are generated in SQL.
 */
export const analyticsExport: Benchmark = {
  name: 'analytics-export',
  summary: 'Analytics export (CSV/JSON, posts and daily) streamed over two years: rows/s and server peak RSS',
  async run(options: BenchOptions): Promise<BenchResult> {
    const databaseUrl = options.databaseUrl;
    if (!databaseUrl) return skipped('needs PostgreSQL: set DATABASE_URL');
    const posts = options.quick ? 20_000 : 200_000;
    const snapshotsPerPost = 3;
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-export-'));
    const server = await startServerProcess(PLUME_SERVER, { databaseUrl, dataDir, env: {} });
    const owner = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      const api = new BenchApi(server.url);
      const { organizationId } = await api.register('Export bench');
      const accountId = await api.connectSandbox(`export-${crypto.randomUUID().slice(0, 6)}`);
      const end = new Date();
      const start = new Date(end.getTime() - DAYS * 86_400_000);
      const seedMs = await seedExportRows(owner, {
        organizationId,
        accountId,
        posts,
        start,
        end,
        snapshotsPerPost,
      });
      const range = `from=${start.toISOString().slice(0, 10)}&to=${end.toISOString().slice(0, 10)}&timeZone=UTC`;
      const cases: ExportCase[] = [
        { label: 'posts, CSV', query: `${range}&format=csv&dataset=posts` },
        { label: 'posts, JSON', query: `${range}&format=json&dataset=posts` },
        { label: 'daily, CSV', query: `${range}&format=csv&dataset=daily` },
      ];
      const measured: Measured[] = [];
      for (const exportCase of cases) measured.push(await measure(server, api.accessToken, exportCase));
      return {
        tables: [
          {
            title: `Export of ${formatCount(posts)} published posts with ${snapshotsPerPost} snapshots each over ${DAYS} days (local runtime, streamed; PostgreSQL)`,
            columns: [
              'export',
              'rows',
              'size',
              'seconds',
              'rows/s',
              'MB/s',
              'server RSS before',
              'server peak RSS',
            ],
            rows: measured.map((m) => [
              m.label,
              formatCount(m.rows),
              formatBytes(m.bytes),
              String(round2(m.seconds)),
              formatCount(m.rows / m.seconds),
              String(round2(m.bytes / 1e6 / m.seconds)),
              formatBytes(m.startRss),
              formatBytes(m.peakRss),
            ]),
          },
        ],
        notes: [
          `seeded in ${Math.round(seedMs)} ms by SQL as the database owner`,
          'peak RSS: the server process sampled every 20 ms while it streamed; flat across sizes means the rows are not held',
        ],
        findings: [],
        data: { posts, snapshotsPerPost, seedMs, measured },
      };
    } finally {
      await owner.end();
      await server.stop();
    }
  },
};
