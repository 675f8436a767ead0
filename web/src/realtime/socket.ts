import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';

/**
 * The dashboard's one WebSocket: fetches a single-use ticket from the HTTP API, connects,
 * keeps the connection alive with pings, dispatches `{ type, data }` messages by type and
 * reconnects with jittered exponential backoff. It owns no DOM: the browser's WebSocket is
 * plugged in through `connect`, so the reconnect logic is unit-tested in Node.
 */

export type ConnectionStatus =
  /** Not started yet. */
  | 'idle'
  /** First attempt in progress. */
  | 'connecting'
  | 'open'
  /** Lost or never reached; waiting to retry, or retrying. */
  | 'reconnecting'
  /** The server says live updates are not available to us (not built, signed out). */
  | 'unavailable'
  | 'stopped';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Why we are not connected, in words for a tooltip. */
  reason?: string;
  /** When the next attempt is due (epoch ms), while waiting. */
  retryAt?: number;
}

export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  onClose(code: number, reason: string): void;
}

export interface SocketConnection {
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Opens a socket and reports its events; the browser adapter wraps `new WebSocket(url)`. */
export type ConnectSocket = (url: string, handlers: SocketHandlers) => SocketConnection;

/** A ticket, or the server's word that there is none to be had for now. */
export type TicketResult = { ticket: string } | { unavailable: string };

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface RealtimeMessage {
  type: string;
  data?: unknown;
}

export type MessageHandler = (data: unknown, message: RealtimeMessage) => void;

export interface RealtimeSocketOptions {
  url: string;
  /** Resolves to a ticket or "unavailable"; throws when the API could not be asked. */
  getTicket: () => Promise<TicketResult>;
  connect: ConnectSocket;
  timers?: Timers;
  random?: () => number;
  backoff?: BackoffOptions;
  /** Wait between attempts while the server says "unavailable" (a 501 until sign-in exists). */
  unavailableRetryMs?: number;
  /** A ping goes out this long after the last message. */
  heartbeatIntervalMs?: number;
  /** No answer this long after a ping: the connection is dead even if the browser has not noticed. */
  heartbeatTimeoutMs?: number;
  /** A connection that lasted this long resets the backoff; one that drops sooner keeps growing it. */
  stableAfterMs?: number;
}

/** The client → server message the `$default` route answers with `{ type: 'pong' }`. */
export const PING_MESSAGE = JSON.stringify({ action: 'ping' });

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};

function parseMessage(raw: string): RealtimeMessage | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { type?: unknown }).type === 'string'
    ) {
      return value as RealtimeMessage;
    }
  } catch {
    // Not JSON: ignored, the server only sends JSON.
  }
  return undefined;
}

export class RealtimeSocket {
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly backoff: BackoffOptions;
  private readonly unavailableRetryMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly stableAfterMs: number;

  private state: ConnectionState = { status: 'idle' };
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  /** Failed attempts since the last stable connection; drives the backoff. */
  private attempt = 0;
  /** Bumped for every connection so events from an abandoned socket are ignored. */
  private generation = 0;
  private connection: SocketConnection | null = null;
  /** When the current connection opened (epoch ms); null while it has not. */
  private openedAt: number | null = null;
  /** Whether any connection ever opened: the first attempt reads "connecting", later ones "reconnecting". */
  private hasConnected = false;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  private pongTimer: unknown = null;

  constructor(private readonly options: RealtimeSocketOptions) {
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.unavailableRetryMs = options.unavailableRetryMs ?? 5 * 60_000;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 30_000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 10_000;
    this.stableAfterMs = options.stableAfterMs ?? 10_000;
  }

  getState(): ConnectionState {
    return this.state;
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Subscribes to one message type; returns the unsubscribe function. */
  onMessage(type: string, handler: MessageHandler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0) this.handlers.delete(type);
    };
  }

  start(): void {
    if (this.state.status !== 'idle' && this.state.status !== 'stopped') return;
    this.attempt = 0;
    this.hasConnected = false;
    void this.connectNow();
  }

  /** Skips the wait (the browser came back online, the user signed in). No-op while connected. */
  reconnectNow(): void {
    if (this.state.status === 'reconnecting' || this.state.status === 'unavailable') {
      if (this.retryTimer === null) return; // an attempt is already under way
      this.clearTimer('retryTimer');
      void this.connectNow();
    }
  }

  stop(): void {
    this.generation++;
    this.clearTimer('retryTimer');
    this.stopHeartbeat();
    const connection = this.connection;
    this.connection = null;
    connection?.close(1000, 'client stopped');
    this.setState({ status: 'stopped' });
  }

  private setState(next: ConnectionState): void {
    this.state = next;
    for (const listener of this.stateListeners) listener(next);
  }

  private clearTimer(name: 'retryTimer' | 'pingTimer' | 'pongTimer'): void {
    if (this[name] !== null) {
      this.timers.clearTimeout(this[name]);
      this[name] = null;
    }
  }

  private async connectNow(): Promise<void> {
    const generation = ++this.generation;
    this.openedAt = null;
    this.setState({ status: this.attempt === 0 && !this.hasConnected ? 'connecting' : 'reconnecting' });
    let ticket: TicketResult;
    try {
      ticket = await this.options.getTicket();
    } catch {
      if (generation === this.generation) this.scheduleRetry('Cannot reach the API for a connection ticket.');
      return;
    }
    if (generation !== this.generation) return; // stopped or restarted meanwhile
    if ('unavailable' in ticket) {
      this.waitWhileUnavailable(ticket.unavailable);
      return;
    }
    const url = new URL(this.options.url);
    url.searchParams.set('ticket', ticket.ticket);
    this.connection = this.options.connect(url.href, {
      onOpen: () => generation === this.generation && this.handleOpen(),
      onMessage: (data) => generation === this.generation && this.handleMessage(data),
      onClose: (code, reason) => generation === this.generation && this.handleClose(code, reason),
    });
  }

  private handleOpen(): void {
    this.openedAt = this.timers.now();
    this.hasConnected = true;
    this.setState({ status: 'open' });
    this.scheduleHeartbeat();
  }

  private handleMessage(raw: string): void {
    // Any message proves the connection is alive.
    this.scheduleHeartbeat();
    const message = parseMessage(raw);
    if (!message) return;
    for (const handler of this.handlers.get(message.type) ?? []) handler(message.data, message);
  }

  private handleClose(code: number, reason: string): void {
    this.generation++;
    this.connection = null;
    this.stopHeartbeat();
    const lasted = this.openedAt === null ? 0 : this.timers.now() - this.openedAt;
    if (lasted >= this.stableAfterMs) this.attempt = 0;
    this.scheduleRetry(reason ? `Connection closed (${code}: ${reason}).` : `Connection closed (${code}).`);
  }

  private scheduleRetry(reason: string): void {
    const delay = backoffDelay(this.attempt, this.backoff, this.random);
    this.attempt++;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.connectNow();
    }, delay);
    this.setState({ status: 'reconnecting', reason, retryAt: this.timers.now() + delay });
  }

  private waitWhileUnavailable(reason: string): void {
    // Slow and steady: the answer will not change in seconds. A little jitter spreads clients.
    const delay = Math.round(this.unavailableRetryMs * (0.9 + this.random() * 0.2));
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.connectNow();
    }, delay);
    this.setState({ status: 'unavailable', reason, retryAt: this.timers.now() + delay });
  }

  private scheduleHeartbeat(): void {
    this.stopHeartbeat();
    this.pingTimer = this.timers.setTimeout(() => {
      this.pingTimer = null;
      this.connection?.send(PING_MESSAGE);
      this.pongTimer = this.timers.setTimeout(() => {
        this.pongTimer = null;
        // The browser can take minutes to notice a dead network; do not wait for it.
        this.connection?.close(4000, 'heartbeat timeout');
        this.handleClose(4000, 'no answer to ping');
      }, this.heartbeatTimeoutMs);
    }, this.heartbeatIntervalMs);
  }

  private stopHeartbeat(): void {
    this.clearTimer('pingTimer');
    this.clearTimer('pongTimer');
  }
}
