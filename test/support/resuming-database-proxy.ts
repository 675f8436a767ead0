import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of the real PostgreSQL that behaves like a paused Aurora Serverless v2:
 * the first connection starts a "resume" that takes `resumeMs`; until it is done, every
 * connection is accepted but held (nothing is forwarded, as Aurora holds the startup), then
 * piped to the server. Connections after the resume go straight through.
 */
export interface ResumingDatabaseProxy {
  port: number;
  /** Connections opened through the proxy so far (each driver attempt is one). */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startResumingDatabaseProxy(
  upstream: { host: string; port: number },
  resumeMs: number,
): Promise<ResumingDatabaseProxy> {
  let connections = 0;
  let resumed: Promise<void> | undefined;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    resumed ??= new Promise((resolve) => setTimeout(resolve, resumeMs));
    void resumed.then(() => {
      if (client.destroyed) return; // the driver gave up on this attempt
      const database = connect(upstream.port, upstream.host);
      sockets.add(database);
      database.on('close', () => {
        sockets.delete(database);
        client.destroy();
      });
      database.on('error', () => client.destroy());
      client.on('close', () => database.destroy());
      client.pipe(database).pipe(client);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
