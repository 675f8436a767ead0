import WebSocket from 'ws';
import { sendToParent, serveCalls, STOP } from '../http-load/server-messages';
import { wallClockMs } from './wall-clock';

/**
 * Child process: stands in for many open dashboards. It opens WebSockets to the local
 * runtime's `/ws` with tickets the bench minted, notes when each `post.changed` message
 * arrives (before parsing it) and hands the times back over IPC. Kept in its own process
 * so receiving does not share an event loop with the server or with the bench.
 */

export interface DashboardTicket {
  ticket: string;
  /** The organization's index in the layout (0 is the one whose person changes posts). */
  organization: number;
}

export interface OpenResult {
  opened: number;
  failed: number;
  firstError?: string;
}

/** One delivery: when it arrived (this process's wall clock) and to which organization's socket. */
export type Receipt = [at: number, organization: number];

interface Dashboard {
  socket: WebSocket;
  organization: number;
}

const dashboards: Dashboard[] = [];
/** post id -> every arrival of a `post.changed` naming it. */
const receipts = new Map<string, Receipt[]>();
let closedByServer = 0;
let closing = false;

function record(organization: number, data: WebSocket.RawData): void {
  const at = wallClockMs();
  const message = JSON.parse(data.toString()) as { type?: string; data?: { postIds?: unknown } };
  if (message.type !== 'post.changed' || !Array.isArray(message.data?.postIds)) return;
  for (const postId of message.data.postIds) {
    if (typeof postId !== 'string') continue;
    const list = receipts.get(postId) ?? [];
    list.push([at, organization]);
    receipts.set(postId, list);
  }
}

function openOne(url: string, { ticket, organization }: DashboardTicket): Promise<void> {
  return new Promise((resolve, reject) => {
    // The dashboard's own client sends no extensions; neither do these.
    const socket = new WebSocket(`${url}?ticket=${ticket}`, { perMessageDeflate: false });
    socket.once('open', () => {
      dashboards.push({ socket, organization });
      socket.on('message', (data) => record(organization, data));
      socket.on('close', () => {
        if (!closing) closedByServer += 1;
      });
      resolve();
    });
    socket.once('error', reject);
  });
}

/** Opens every socket, `concurrency` handshakes at a time (a burst of 10,000 is not what we measure). */
async function openAll(args: {
  url: string;
  tickets: DashboardTicket[];
  concurrency: number;
}): Promise<OpenResult> {
  const result: OpenResult = { opened: 0, failed: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < args.tickets.length) {
      const ticket = args.tickets[next] as DashboardTicket;
      next += 1;
      try {
        await openOne(args.url, ticket);
        result.opened += 1;
      } catch (error) {
        result.failed += 1;
        result.firstError ??= String((error as Error).message ?? error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.concurrency, args.tickets.length) }, worker));
  return result;
}

function closeAll(): Promise<void> {
  closing = true;
  const open = dashboards.splice(0).filter((d) => d.socket.readyState === WebSocket.OPEN);
  return Promise.all(
    open.map(
      (d) =>
        new Promise<void>((resolve) => {
          d.socket.once('close', () => resolve());
          d.socket.close(1000, 'bench done');
        }),
    ),
  ).then(() => {
    closing = false;
  });
}

serveCalls({
  open: async (args: { url: string; tickets: DashboardTicket[]; concurrency: number }) => openAll(args),
  clock: async () => wallClockMs(),
  // How many sockets are open, and how many the server closed (a 4401 after $connect, a crash).
  status: async () => ({
    open: dashboards.filter((d) => d.socket.readyState === WebSocket.OPEN).length,
    closedByServer,
  }),
  received: async (args: { postId: string }) => receipts.get(args.postId)?.length ?? 0,
  receipts: async (args: { postIds: string[] }) =>
    Object.fromEntries(args.postIds.map((id) => [id, receipts.get(id) ?? []])),
  'close-all': async () => closeAll(),
});
process.on('message', (message) => {
  if (message !== STOP) return;
  void closeAll().finally(() => process.exit(0));
});
sendToParent({ type: 'ready', url: '', database: 'none' });
