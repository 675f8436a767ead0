import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TicketHolder } from '../../../functions/core/realtime/websocket-tickets';
import type { BenchApi } from '../bench-api';
import type { RecordedBroadcast } from '../http-load/plume-server';
import { startServerProcess, type ServerProcess } from '../http-load/server-process';
import { measureClockOffset } from './clock-offset';
import type { DashboardTicket, OpenResult, Receipt } from './dashboard-clients';
import { organizationOf, recipientsOf, type Layout } from './layouts';
import { wallClockMs } from './wall-clock';

const CLIENTS_ENTRY = fileURLToPath(new URL('./dashboard-clients.ts', import.meta.url));

/** Tickets minted and sockets opened per client process per step (tickets live 60 s). */
const BATCH = 500;
/** Handshakes in flight per client process. */
const HANDSHAKES_IN_FLIGHT = 50;
const DELIVERY_TIMEOUT_MS = 15_000;
const SETTLE_TIMEOUT_MS = 30_000;

export interface Signed {
  api: BenchApi;
  organizationId: string;
  userId: string;
  accountId: string;
}

/** One event: a post created by the person of organization 0, and who received its announcement when. */
export interface EventDelivery {
  postId: string;
  recipients: number;
  received: number;
  /** Receipts by dashboards of other organizations: must be 0. */
  foreign: number;
  /** Each receipt minus the start of the runtime's broadcast, ms. */
  fromBroadcastMs: number[];
  /** Each receipt minus the moment the bench sent POST /api/posts, ms. */
  fromRequestMs: number[];
  /** The broadcast call in the server: start to the last socket write returned, ms. */
  broadcastMs: number;
  requestMs: number;
}

export interface LayoutRun {
  layout: Layout;
  dashboards: number;
  opened: number;
  failed: number;
  firstError?: string;
  connectMs: number;
  serverConnections: number;
  closedByServer: number;
  clockOffsetsMs: number[];
  events: EventDelivery[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
}

/** Mints tickets in the server and opens them in one client process, one batch at a time. */
async function connect(
  server: ServerProcess,
  clients: ServerProcess[],
  holders: TicketHolder[],
  layout: Layout,
  url: string,
): Promise<OpenResult> {
  const total: OpenResult = { opened: 0, failed: 0 };
  for (let start = 0; start < holders.length; start += BATCH * clients.length) {
    const results = await Promise.all(
      clients.map(async (client, c) => {
        const from = start + c * BATCH;
        const batch = holders.slice(from, from + BATCH);
        if (batch.length === 0) return { opened: 0, failed: 0 };
        const tickets = await server.call<string[]>('ws-tickets', { holders: batch });
        const dashboards: DashboardTicket[] = tickets.map((ticket, k) => ({
          ticket,
          organization: organizationOf(from + k, layout),
        }));
        return client.call<OpenResult>('open', {
          url,
          tickets: dashboards,
          concurrency: HANDSHAKES_IN_FLIGHT,
        });
      }),
    );
    for (const r of results) {
      total.opened += r.opened;
      total.failed += r.failed;
      total.firstError ??= r.firstError;
    }
  }
  return total;
}

async function receivedCount(clients: ServerProcess[], postId: string): Promise<number> {
  const counts = await Promise.all(clients.map((c) => c.call<number>('received', { postId })));
  return counts.reduce((a, b) => a + b, 0);
}

/** One post created through the API, timed from the request and from the runtime's broadcast. */
async function oneEvent(
  signed: Signed,
  server: ServerProcess,
  clients: ServerProcess[],
  offsets: { server: number; clients: number[] },
  recipients: number,
  seq: number,
): Promise<EventDelivery> {
  const sentAt = wallClockMs();
  const postId = await signed.api.createPost(`WebSocket bench event ${seq}`, signed.accountId);
  const requestMs = wallClockMs() - sentAt;
  await waitFor(async () => (await receivedCount(clients, postId)) >= recipients, DELIVERY_TIMEOUT_MS);
  // A moment for late or misrouted copies to arrive before they are counted.
  await sleep(100);
  const [broadcast] = await server.call<RecordedBroadcast[]>('broadcasts', { postIds: [postId] });
  if (!broadcast) throw new Error(`the runtime made no broadcast for post ${postId}`);
  const broadcastAt = broadcast.startedAt - offsets.server;
  const receipts = (
    await Promise.all(
      clients.map(async (client, c) => {
        const byPost = await client.call<Record<string, Receipt[]>>('receipts', { postIds: [postId] });
        const offset = offsets.clients[c] ?? 0;
        return (byPost[postId] ?? []).map(([at, organization]): Receipt => [at - offset, organization]);
      }),
    )
  ).flat();
  const own = receipts.filter(([, organization]) => organization === 0).map(([at]) => at);
  return {
    postId,
    recipients,
    received: own.length,
    foreign: receipts.length - own.length,
    fromBroadcastMs: own.map((at) => at - broadcastAt),
    fromRequestMs: own.map((at) => at - sentAt),
    broadcastMs: broadcast.finishedAt - broadcast.startedAt,
    requestMs,
  };
}

/**
 * One layout on the local runtime: `dashboards` WebSockets from client processes (tickets
 * minted in the server, redeemed by the real `$connect` authorizer and handler), then one
 * discarded and `events` measured posts created one after the other by organization 0's
 * person, each announced by the runtime to that organization's open dashboards.
 */
export async function measureLayout(
  server: ServerProcess,
  signed: Signed,
  layout: Layout,
  settings: { dashboards: number; events: number; clientProcesses: number },
): Promise<LayoutRun> {
  const clients = await Promise.all(
    Array.from({ length: settings.clientProcesses }, () =>
      startServerProcess(CLIENTS_ENTRY, { databaseUrl: undefined, dataDir: '' }),
    ),
  );
  try {
    // Organization 0 is the registered person's; the others need no rows: $connect checks the ticket only.
    const holders: TicketHolder[] = Array.from({ length: layout.organizations }, (_, i) =>
      i === 0
        ? { organizationId: signed.organizationId, userId: signed.userId }
        : { organizationId: randomUUID(), userId: randomUUID() },
    );
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/ws`;
    const connectStarted = performance.now();
    const opened = await connect(
      server,
      clients,
      Array.from(
        { length: settings.dashboards },
        (_, i) => holders[organizationOf(i, layout)] as TicketHolder,
      ),
      layout,
      wsUrl,
    );
    // The handshake completes before $connect records the connection: wait for the record.
    let serverConnections = 0;
    await waitFor(async () => {
      serverConnections = await server.call<number>('ws-connections');
      return serverConnections >= opened.opened;
    }, SETTLE_TIMEOUT_MS);
    const connectMs = performance.now() - connectStarted;

    const serverOffset = await measureClockOffset(server);
    const clientOffsets = await Promise.all(clients.map((c) => measureClockOffset(c)));
    const offsets = { server: serverOffset.offsetMs, clients: clientOffsets.map((o) => o.offsetMs) };
    const recipients = Math.min(recipientsOf(settings.dashboards, layout), opened.opened);

    // One discarded event first, as the HTTP rows warm up: the first broadcast runs the send
    // path (ours, ws, net) unoptimised.
    await oneEvent(signed, server, clients, offsets, recipients, -1);
    await sleep(200);
    const events: EventDelivery[] = [];
    for (let seq = 0; seq < settings.events; seq += 1) {
      events.push(await oneEvent(signed, server, clients, offsets, recipients, seq));
      await sleep(200);
    }
    const statuses = await Promise.all(clients.map((c) => c.call<{ closedByServer: number }>('status')));
    return {
      layout,
      dashboards: settings.dashboards,
      ...opened,
      connectMs,
      serverConnections,
      closedByServer: statuses.reduce((sum, s) => sum + s.closedByServer, 0),
      clockOffsetsMs: [serverOffset, ...clientOffsets].map((o) => o.offsetMs),
      events,
    };
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
    // The next layout starts from an empty gateway.
    await waitFor(async () => (await server.call<number>('ws-connections')) === 0, SETTLE_TIMEOUT_MS);
  }
}
