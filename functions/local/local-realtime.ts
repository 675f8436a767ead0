import type { Logger, Realtime, RealtimeConnection, RealtimeMessage } from '../core/ports';

/** The part of a `ws` WebSocket the runtime needs; kept narrow so tests can pass a fake. */
export interface LocalSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const OPEN = 1;

/**
 * Live updates for the local runtime: the WebSocket server attaches each socket, the same
 * `$connect` handler as in AWS records the connection, and messages go straight to the
 * socket instead of through PostToConnection.
 */
export class LocalRealtime implements Realtime {
  private readonly sockets = new Map<string, LocalSocket>();
  private readonly connections = new Map<string, RealtimeConnection>();

  constructor(private readonly logger: Logger) {}

  attachSocket(connectionId: string, socket: LocalSocket): void {
    this.sockets.set(connectionId, socket);
  }

  detachSocket(connectionId: string): void {
    this.sockets.delete(connectionId);
  }

  async addConnection(connection: RealtimeConnection): Promise<void> {
    this.connections.set(connection.connectionId, connection);
  }

  async removeConnection(connectionId: string): Promise<void> {
    this.connections.delete(connectionId);
  }

  async sendToConnection(connectionId: string, message: RealtimeMessage): Promise<boolean> {
    const socket = this.sockets.get(connectionId);
    if (!socket || socket.readyState !== OPEN) {
      // Same as a GoneException in AWS: forget the connection quietly.
      this.connections.delete(connectionId);
      this.sockets.delete(connectionId);
      return false;
    }
    try {
      socket.send(JSON.stringify(message));
      return true;
    } catch (error) {
      this.logger.warn('WebSocket send failed', { connectionId, error });
      return false;
    }
  }

  async broadcast(
    organizationId: string,
    message: RealtimeMessage,
    options: { userId?: string } = {},
  ): Promise<number> {
    let sent = 0;
    for (const connection of [...this.connections.values()]) {
      if (connection.organizationId !== organizationId) continue;
      if (options.userId && connection.userId !== options.userId) continue;
      if (await this.sendToConnection(connection.connectionId, message)) sent += 1;
    }
    return sent;
  }

  connectionCount(): number {
    return this.connections.size;
  }
}
