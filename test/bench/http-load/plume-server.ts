import { join } from 'node:path';
import { startLocalRuntime } from '../../../functions/local/runtime';
import { issueWebSocketTicket, type TicketHolder } from '../../../functions/core/realtime/websocket-tickets';
import { CpuProfiler } from '../profile/cpu-profiler';
import { readServerConfig, sendToParent, serveCalls, STOP } from './server-messages';

/** What one `ws-broadcast` call did for one organization (times in ms, wall clock). */
export interface BroadcastTiming {
  organizationId: string;
  /** `performance.timeOrigin + performance.now()` just before `realtime.broadcast`. */
  sentAt: number;
  /** How long the broadcast call took in the server. */
  broadcastMs: number;
  delivered: number;
}

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
  const { kv, clock, realtime } = runtime.container;
  serveCalls({
    'profile-start': async (args: { intervalUs: number }) => profiler.start(args.intervalUs),
    'profile-stop': async (args: { file: string }) => profiler.stop(args.file),
    // 10,000 dashboards need 10,000 single-use tickets: minted here through the same KeyValue
    // and function as POST /api/auth/ws-ticket, without 10,000 HTTP round trips.
    'ws-tickets': async (args: { holders: TicketHolder[] }) =>
      Promise.all(args.holders.map((holder) => issueWebSocketTicket(kv, clock, holder))),
    'ws-connections': async () => runtime.realtime.connectionCount(),
    // One event per organization, one after the other, through the realtime port the
    // handlers use; `sentAt` travels in the message so each client can time its copy.
    'ws-broadcast': async (args: { organizationIds: string[]; seq: number }) => {
      const timings: BroadcastTiming[] = [];
      for (const organizationId of args.organizationIds) {
        const sentAt = performance.timeOrigin + performance.now();
        const delivered = await realtime.broadcast(organizationId, {
          type: 'bench.ping',
          data: { seq: args.seq, sentAt },
        });
        timings.push({
          organizationId,
          sentAt,
          broadcastMs: performance.timeOrigin + performance.now() - sentAt,
          delivered,
        });
      }
      return timings;
    },
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
