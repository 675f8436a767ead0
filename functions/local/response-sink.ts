import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { ResponseSink } from '../http/streamed-response';

/** A streamed answer written straight to the Node response, with backpressure. */
export class NodeResponseSink implements ResponseSink {
  started = false;

  constructor(private readonly response: ServerResponse) {}

  start(status: number, headers: Record<string, string>): void {
    this.started = true;
    // No content-length: Node sends `Transfer-Encoding: chunked`.
    this.response.writeHead(status, headers);
  }

  async write(chunk: string): Promise<void> {
    if (this.response.destroyed) throw new Error('The client closed the connection.');
    if (this.response.write(chunk)) return;
    // Wait until the socket took it, or stop when the client has gone.
    const [drained] = await Promise.race([
      once(this.response, 'drain').then(() => [true] as const),
      once(this.response, 'close').then(() => [false] as const),
    ]);
    if (!drained) throw new Error('The client closed the connection.');
  }

  async end(): Promise<void> {
    await new Promise<void>((resolve) => this.response.end(resolve));
  }

  abort(error: unknown): void {
    this.response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
