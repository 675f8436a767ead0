import { join } from 'node:path';
import { startLocalRuntime } from '../../../functions/local/runtime';
import { issueWebSocketTicket, type TicketHolder } from '../../../functions/core/realtime/websocket-tickets';
import { CpuProfiler } from '../profile/cpu-profiler';
import { rssSampler } from './rss-sampler';
import { wallClockMs } from '../websocket/wall-clock';
import { readServerConfig, sendToParent, serveCalls, STOP } from './server-messages';

/** One `realtime.broadcast` the runtime made while recording (times: wall clock, ms). */
export interface RecordedBroadcast {
  organizationId: string;
  type: string;
  /** `data.postIds` of a `post.changed` message, else empty. */
  postIds: string[];
  startedAt: number;
  /** When the last socket write of the broadcast returned. */
  finishedAt: number;
  delivered: number;
}

const RECORDED_BROADCASTS_KEPT = 1000;

/**
 * Child process: the whole local runtime (`npm start` without the dashboard build), so the
 * load generator in the parent does not share its event loop. The bench-only hooks below
 * are reachable over IPC from the benchmark that forked it, never over HTTP.
 */
try {
  const config = readServerConfig();
  const runtime = await startLocalRuntime({
    port: 0,
    host: '127.0.0.1',
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    webDist: join(config.dataDir, 'no-dashboard'),
  });
  const profiler = new CpuProfiler();
  const rss = rssSampler();
  let recorded: RecordedBroadcast[] | undefined;
  const { kv, clock, realtime } = runtime.container;
  serveCalls({
    'profile-start': async (args: { intervalUs: number }) => profiler.start(args.intervalUs),
    'cpu-usage': async () => process.cpuUsage(),
    // The server's resident memory, sampled every 20 ms from start to stop (the export row's
    // peak RSS: process.resourceUsage().maxRSS would also hold start-up's peak).
    'rss-start': async () => rss.start(),
    'rss-stop': async () => rss.stop(),
    'profile-stop': async (args: { file: string }) => profiler.stop(args.file),
    // 10,000 dashboards need 10,000 single-use tickets: minted here through the same KeyValue
    // and function as POST /api/auth/ws-ticket, without 10,000 HTTP round trips.
    'ws-tickets': async (args: { holders: TicketHolder[] }) =>
      Promise.all(args.holders.map((holder) => issueWebSocketTicket(kv, clock, holder))),
    'ws-connections': async () => runtime.realtime.connectionCount(),
    clock: async () => wallClockMs(),
    // Times every broadcast the handlers make from now on (the WebSocket row's event is a
    // real POST /api/posts, whose announcement goes through this port).
    'record-broadcasts': async () => {
      if (recorded) return;
      recorded = [];
      const broadcast = realtime.broadcast.bind(realtime);
      realtime.broadcast = async (organizationId, message, options) => {
        const startedAt = wallClockMs();
        const delivered = await broadcast(organizationId, message, options);
        const postIds = (message.data as { postIds?: unknown } | null)?.postIds;
        recorded?.push({
          organizationId,
          type: message.type,
          postIds: Array.isArray(postIds) ? postIds.filter((id): id is string => typeof id === 'string') : [],
          startedAt,
          finishedAt: wallClockMs(),
          delivered,
        });
        if (recorded && recorded.length > RECORDED_BROADCASTS_KEPT) recorded.shift();
        return delivered;
      };
    },
    broadcasts: async (args: { postIds: string[] }) =>
      (recorded ?? []).filter((b) => b.postIds.some((id) => args.postIds.includes(id))),
  });
  process.on('message', (message) => {
    if (message !== STOP) return;
    runtime
      .stop()
      .catch((error: unknown) => console.error('stop failed', error))
      .finally(() => process.exit(0));
  });
  sendToParent({ type: 'ready', url: runtime.url, database: config.databaseUrl ? 'postgres' : 'pglite' });
} catch (error) {
  sendToParent({ type: 'failed', error: String((error as Error).stack ?? error) });
  process.exit(1);
}
