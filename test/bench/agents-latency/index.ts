import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchApi } from '../bench-api';
import type { Benchmark, BenchOptions, BenchResult } from '../benchmark';
import { formatMs } from '../format';
import { startServerProcess } from '../http-load/server-process';
import { percentileOfSorted, round2 } from '../stats';

/** p50 and p95 of a sample. */
function tails(values: readonly number[]): { p50: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round2(percentileOfSorted(sorted, 50)), p95: round2(percentileOfSorted(sorted, 95)) };
}

const PLUME_SERVER = fileURLToPath(new URL('../http-load/plume-server.ts', import.meta.url));
const POLL_MS = 5;

interface Task {
  id: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  executionTimeMs: number | null;
}

/** Asks for a task and polls it until it ends: the client's view from the POST to the result. */
async function timeTask(
  api: BenchApi,
  path: string,
  body: unknown,
): Promise<{ clientMs: number; serverMs: number; workMs: number }> {
  const started = performance.now();
  const asked = await api.call<Task>('POST', path, body);
  if (asked.status !== 202)
    throw new Error(`${path} answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  for (;;) {
    const task = await api.call<Task>('GET', `/api/ai-agents/tasks/${asked.body.id}`);
    if (task.body.status === 'completed') {
      return {
        clientMs: performance.now() - started,
        serverMs: Date.parse(task.body.completedAt!) - Date.parse(task.body.createdAt),
        workMs: task.body.executionTimeMs ?? 0,
      };
    }
    if (task.body.status === 'failed' || task.body.status === 'cancelled')
      throw new Error(`${path}: task ${task.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Agent task latency with the offline provider: from the POST that records and queues a task
 * to the result, as a client polling `GET /api/ai-agents/tasks/{id}` sees it, and as the task
 * row records it (created to completed; the worker's own time). The local runtime runs in its
 * own process; the baseline is one authenticated round trip (a task list read) of the same run.
 */
export const agentsLatency: Benchmark = {
  name: 'agents-latency',
  summary: 'Agent task latency, enqueue to result, offline provider, server in its own process',
  async run(options: BenchOptions): Promise<BenchResult> {
    const runs = options.quick ? 10 : 40;
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-agents-'));
    const server = await startServerProcess(PLUME_SERVER, {
      databaseUrl: options.databaseUrl,
      dataDir,
      env: { API_RATE_LIMIT_PER_MINUTE: '100000000', LLM_PROVIDER: 'offline' },
    });
    try {
      const api = new BenchApi(server.url);
      await api.register('Agents latency bench');
      const accountId = await api.connectSandbox(`agents-bench-${crypto.randomUUID().slice(0, 6)}`);
      const baseline: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const started = performance.now();
        await api.call('GET', '/api/ai-agents/tasks?pageSize=1');
        baseline.push(performance.now() - started);
      }
      const kinds = [
        {
          name: 'hashtags.suggest',
          path: '/api/ai-agents/hashtags/suggest',
          body: { text: 'Sourdough bread for the weekend #bakery', platform: 'sandbox', count: 5 },
        },
        {
          name: 'content.generate (2 networks x 2)',
          path: '/api/ai-agents/content/generate',
          body: {
            brief: 'A sourdough tasting evening next Friday',
            platforms: ['sandbox', 'bluesky'],
            variants: 2,
          },
        },
        {
          name: 'engagement.predict',
          path: '/api/ai-agents/engagement/predict',
          body: { text: 'Sourdough tasting on Friday', accountId, timeZone: 'Europe/Paris' },
        },
      ];
      const measured = [];
      for (const kind of kinds) {
        await timeTask(api, kind.path, kind.body); // warm-up
        const samples = [];
        for (let i = 0; i < runs; i += 1) samples.push(await timeTask(api, kind.path, kind.body));
        measured.push({ name: kind.name, samples });
      }
      const base = tails(baseline);
      const rows = measured.map(({ name, samples }) => {
        const client = tails(samples.map((s) => s.clientMs));
        const recorded = tails(samples.map((s) => s.serverMs));
        const work = tails(samples.map((s) => s.workMs));
        return { name, client, recorded, work };
      });
      const worstP95 = Math.max(...rows.map((row) => row.client.p95));
      return {
        tables: [
          {
            title: `Agent tasks, offline provider (${runs} each, one at a time; ${server.database})`,
            columns: ['task', 'client p50', 'client p95', 'recorded p50', 'recorded p95', 'worker p95'],
            rows: [
              ['baseline: GET /api/ai-agents/tasks', formatMs(base.p50), formatMs(base.p95), '', '', ''],
              ...rows.map((row) => [
                row.name,
                formatMs(row.client.p50),
                formatMs(row.client.p95),
                formatMs(row.recorded.p50),
                formatMs(row.recorded.p95),
                formatMs(row.work.p95),
              ]),
            ],
          },
        ],
        notes: [
          `client: from sending the POST to the poll (every ${POLL_MS} ms) that sees it completed; recorded: the task row's created to completed; worker: its execution time.`,
          'The local runtime queues in process (an SQS message in AWS adds its own delivery, typically tens of milliseconds).',
        ],
        findings: [],
        data: { baseline: base, rows },
        targets: [
          {
            name: 'agent task latency, enqueue to result, offline (p95)',
            target: '< 1 s',
            measured: formatMs(worstP95),
            met: worstP95 < 1000,
          },
        ],
      };
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
