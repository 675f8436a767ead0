import type { ConnectSocket, SocketConnection, SocketHandlers } from '../../web/src/realtime/socket';

/** One socket the code under test opened; the test plays the server. */
export class FakeSocket implements SocketConnection {
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | undefined;

  constructor(
    readonly url: string,
    private readonly handlers: SocketHandlers,
  ) {}

  send(data: string): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
  }

  get ticket(): string | null {
    return new URL(this.url).searchParams.get('ticket');
  }

  serverOpens(): void {
    this.handlers.onOpen();
  }

  serverSends(message: unknown): void {
    this.handlers.onMessage(typeof message === 'string' ? message : JSON.stringify(message));
  }

  serverCloses(code = 1006, reason = ''): void {
    this.handlers.onClose(code, reason);
  }
}

/** Records every connection attempt. */
export class FakeWebSocketServer {
  readonly sockets: FakeSocket[] = [];

  readonly connect: ConnectSocket = (url, handlers) => {
    const socket = new FakeSocket(url, handlers);
    this.sockets.push(socket);
    return socket;
  };

  get last(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('No socket was opened.');
    return socket;
  }
}
