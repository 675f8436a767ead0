import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PING_MESSAGE,
  RealtimeSocket,
  type ConnectionStatus,
  type TicketResult,
} from '../../web/src/realtime/socket';
import { FakeWebSocketServer } from './fake-websocket';

const URL_BASE = 'wss://plume.example/ws';

/** A ticket source that counts calls and can be switched between answers. */
function ticketSource() {
  let calls = 0;
  let answer: () => Promise<TicketResult> = async () => ({ ticket: `ticket-${calls}` });
  return {
    get calls() {
      return calls;
    },
    answerWith(next: () => Promise<TicketResult>) {
      answer = next;
    },
    getTicket: () => {
      calls++;
      return answer();
    },
  };
}

function setup(overrides: Partial<ConstructorParameters<typeof RealtimeSocket>[0]> = {}) {
  const server = new FakeWebSocketServer();
  const tickets = ticketSource();
  const statuses: ConnectionStatus[] = [];
  const socket = new RealtimeSocket({
    url: URL_BASE,
    getTicket: tickets.getTicket,
    connect: server.connect,
    // Lowest jitter draw: delays are exactly half the exponential ceiling.
    random: () => 0,
    backoff: { baseMs: 1_000, maxMs: 30_000 },
    heartbeatIntervalMs: 30_000,
    heartbeatTimeoutMs: 10_000,
    stableAfterMs: 10_000,
    unavailableRetryMs: 300_000,
    ...overrides,
  });
  socket.onStateChange((state) => statuses.push(state.status));
  return { server, tickets, socket, statuses };
}

/** Lets the pending ticket promise resolve without moving the clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('RealtimeSocket', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with a fresh ticket in the query string and reports open', async () => {
    const { server, socket, statuses } = setup();
    socket.start();
    expect(socket.getState().status).toBe('connecting');
    await flush();
    expect(server.sockets).toHaveLength(1);
    expect(server.last.url).toBe(`${URL_BASE}?ticket=ticket-1`);
    server.last.serverOpens();
    expect(socket.getState()).toEqual({ status: 'open' });
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('reconnects with exponential backoff and a new ticket each time', async () => {
    const { server, socket, tickets } = setup();
    socket.start();
    await flush();
    server.last.serverCloses(1006);

    const expectedDelays = [500, 1_000, 2_000, 4_000, 8_000];
    for (const [index, delay] of expectedDelays.entries()) {
      const opened = server.sockets.length;
      expect(socket.getState().status).toBe('reconnecting');
      expect(socket.getState().retryAt).toBe(Date.now() + delay);
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(server.sockets).toHaveLength(opened); // not a millisecond early
      await vi.advanceTimersByTimeAsync(1);
      expect(server.sockets).toHaveLength(opened + 1);
      expect(server.last.ticket).toBe(`ticket-${index + 2}`);
      server.last.serverCloses(1006);
    }
    expect(tickets.calls).toBe(expectedDelays.length + 1);
  });

  it('caps the delay at maxMs', async () => {
    const { server, socket } = setup({ random: () => 1 });
    socket.start();
    await flush();
    for (let i = 0; i < 8; i++) {
      server.last.serverCloses(1006);
      await vi.advanceTimersByTimeAsync(socket.getState().retryAt! - Date.now());
    }
    server.last.serverCloses(1006);
    expect(socket.getState().retryAt! - Date.now()).toBe(30_000);
  });

  it('resets the backoff after a connection that stayed up, but not after one that dropped at once', async () => {
    const { server, socket } = setup();
    socket.start();
    await flush();
    // Three quick failures grow the delay to 4 s.
    for (let i = 0; i < 3; i++) {
      server.last.serverCloses(1006);
      await vi.advanceTimersByTimeAsync(socket.getState().retryAt! - Date.now());
    }
    // Opens, then drops after 2 s: not stable, so the delay keeps growing.
    server.last.serverOpens();
    await vi.advanceTimersByTimeAsync(2_000);
    server.last.serverCloses(1001);
    expect(socket.getState().retryAt! - Date.now()).toBe(4_000);

    await vi.advanceTimersByTimeAsync(4_000);
    // Opens and stays up for a minute (answering pings): the next drop starts over.
    server.last.serverOpens();
    for (let i = 0; i < 2; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      server.last.serverSends({ type: 'pong' });
    }
    server.last.serverCloses(1001);
    expect(socket.getState().retryAt! - Date.now()).toBe(500);
  });

  it('backs off when the ticket request fails', async () => {
    const { server, socket, tickets } = setup();
    tickets.answerWith(() => Promise.reject(new Error('network down')));
    socket.start();
    await flush();
    expect(server.sockets).toHaveLength(0);
    expect(socket.getState().status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(tickets.calls).toBe(4);
    expect(socket.getState().retryAt! - Date.now()).toBe(4_000);
  });

  it('treats "unavailable" as an answer: no socket, and asks again only after the slow interval', async () => {
    const { server, socket, tickets } = setup({ random: () => 0.5 });
    tickets.answerWith(async () => ({ unavailable: 'Live updates arrive with sign-in.' }));
    socket.start();
    await flush();
    expect(socket.getState()).toMatchObject({
      status: 'unavailable',
      reason: 'Live updates arrive with sign-in.',
    });

    // Four and a half minutes: not one more request. No spinning.
    await vi.advanceTimersByTimeAsync(270_000);
    expect(tickets.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(tickets.calls).toBe(2);
    // Ten more minutes, two more polite requests; never a socket.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(tickets.calls).toBe(4);
    expect(server.sockets).toHaveLength(0);

    // The feature arrives: the next scheduled attempt connects.
    tickets.answerWith(async () => ({ ticket: 'now-it-works' }));
    await vi.advanceTimersByTimeAsync(300_000);
    expect(server.last.ticket).toBe('now-it-works');
  });

  it('reconnectNow skips the wait, and does nothing while connected', async () => {
    const { server, socket, tickets } = setup();
    tickets.answerWith(async () => ({ unavailable: 'Sign in to receive live updates.' }));
    socket.start();
    await flush();
    tickets.answerWith(async () => ({ ticket: 'after-sign-in' }));
    socket.reconnectNow();
    await flush();
    expect(server.last.ticket).toBe('after-sign-in');
    server.last.serverOpens();
    socket.reconnectNow();
    await flush();
    expect(server.sockets).toHaveLength(1);
    expect(tickets.calls).toBe(2);
  });

  it('pings when the line is quiet and reconnects when the ping goes unanswered', async () => {
    const { server, socket } = setup();
    socket.start();
    await flush();
    const first = server.last;
    first.serverOpens();

    // Any message counts as a sign of life and postpones the ping.
    await vi.advanceTimersByTimeAsync(20_000);
    first.serverSends({ type: 'post.updated', data: {} });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(first.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.sent).toEqual([PING_MESSAGE]);
    expect(JSON.parse(PING_MESSAGE)).toEqual({ action: 'ping' });

    // Answered: the connection stays.
    first.serverSends({ type: 'pong', data: { time: new Date().toISOString() } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(first.sent).toHaveLength(2);
    // Unanswered: closed by us after the timeout, without waiting for the browser.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(first.closedWith).toEqual({ code: 4000, reason: 'heartbeat timeout' });
    expect(socket.getState().status).toBe('reconnecting');
    // The late close event of the abandoned socket changes nothing.
    first.serverCloses(4000);
    await vi.advanceTimersByTimeAsync(socket.getState().retryAt! - Date.now());
    expect(server.sockets).toHaveLength(2);
  });

  it('dispatches messages by type until unsubscribed and ignores anything malformed', async () => {
    const { server, socket } = setup();
    const updates: unknown[] = [];
    const notifications: unknown[] = [];
    const stopUpdates = socket.onMessage('post.updated', (data) => updates.push(data));
    socket.onMessage('notification.created', (data) => notifications.push(data));
    socket.start();
    await flush();
    server.last.serverOpens();

    server.last.serverSends({ type: 'post.updated', data: { id: 'p1', status: 'published' } });
    server.last.serverSends({ type: 'notification.created', data: { id: 'n1' } });
    server.last.serverSends('not json');
    server.last.serverSends({ data: 'no type' });
    server.last.serverSends([1, 2, 3]);
    stopUpdates();
    server.last.serverSends({ type: 'post.updated', data: { id: 'p2' } });

    expect(updates).toEqual([{ id: 'p1', status: 'published' }]);
    expect(notifications).toEqual([{ id: 'n1' }]);
  });

  it('stop() closes the socket and never reconnects', async () => {
    const { server, socket, tickets } = setup();
    socket.start();
    await flush();
    server.last.serverOpens();
    socket.stop();
    expect(server.last.closedWith).toEqual({ code: 1000, reason: 'client stopped' });
    expect(socket.getState().status).toBe('stopped');
    server.last.serverCloses(1000);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.sockets).toHaveLength(1);
    expect(tickets.calls).toBe(1);
  });

  it('stop() during the ticket request abandons the attempt', async () => {
    const { server, socket } = setup();
    socket.start();
    socket.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.sockets).toHaveLength(0);
    expect(socket.getState().status).toBe('stopped');
  });
});
