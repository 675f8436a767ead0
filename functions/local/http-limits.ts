import { STATUS_CODES, type IncomingMessage, type Server, type ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblem, problemResponse, type ProblemCode } from '../http/problem';

/**
 * The local server's transport limits, chosen to match what AWS does in front of the same
 * handlers, and answered as problem+json like every other refusal (never a reset or a bare
 * status line):
 * - bodies: Lambda's 6 MB synchronous payload limit (API Gateway's HTTP API takes 10 MB, but
 *   Lambda refuses more than 6 MB, so nothing larger reaches a function in AWS either): 413;
 * - the request line and headers: the HTTP API's 10 KB: 431;
 * - headers that take more than 10 s, or a whole request more than 30 s, to arrive: 408.
 */
export const MAX_REQUEST_BYTES = 6 * 1024 * 1024;
export const MAX_HEADER_BYTES = 10 * 1024;
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * The local stand-in for S3's presigned POST buffers the file; in AWS the browser posts to S3
 * (up to 5 GB). Locally, files larger than this are refused the way S3 refuses them.
 */
export const MAX_LOCAL_UPLOAD_BYTES = 256 * 1024 * 1024;

/** How long a refused body may keep arriving (and be discarded) before the socket is closed. */
const DRAIN_MS = 5_000;

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

/** Options for `createServer`: the header size and the timeouts, checked every second. */
export function limitedServerOptions(limits: Partial<HttpLimits> = {}): ServerOptions {
  const requestTimeout = limits.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    maxHeaderSize: MAX_HEADER_BYTES,
    // Node requires headersTimeout <= requestTimeout.
    headersTimeout: Math.min(limits.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout),
    requestTimeout,
    // Node checks the two timeouts on this interval (default 30 s), so it bounds their precision.
    connectionsCheckingInterval: Math.min(1_000, requestTimeout),
  };
}

/** A body that could not be read: too large (answered 413), or the client went away. */
export class RequestBodyError extends Error {
  constructor(readonly reason: 'too-large' | 'aborted') {
    super(reason === 'too-large' ? 'Request body too large' : 'Request body aborted');
    this.name = 'RequestBodyError';
  }
}

/**
 * Reads a request body up to `limit` bytes. A declared or actual larger body rejects with
 * `too-large` at once and the rest is read and discarded, so the client gets the answer
 * instead of a reset; `discardRefusedBody` closes the connection if it keeps coming.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new RequestBodyError('too-large'));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(new RequestBodyError('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', () => reject(new RequestBodyError('aborted')));
    request.on('close', () => {
      if (!request.complete) reject(new RequestBodyError('aborted'));
    });
  });
}

/**
 * After answering a refused body: keep reading and discarding it so the client, which sends
 * before it reads, sees the answer; close the connection once it is done or after DRAIN_MS.
 */
export function discardRefusedBody(request: IncomingMessage): void {
  request.resume();
  if (request.complete) return;
  const timer = setTimeout(() => request.socket.destroy(), DRAIN_MS);
  timer.unref();
  request.once('end', () => clearTimeout(timer));
  request.once('close', () => clearTimeout(timer));
}

export const bodyTooLarge = (limit: number): HttpProblem =>
  new HttpProblem(
    413,
    'payload_too_large',
    `Request bodies are limited to ${Math.round(limit / (1024 * 1024))} MB; upload media directly.`,
    { headers: { connection: 'close' } },
  );

const CLIENT_ERRORS: Record<string, { status: number; code: ProblemCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request_header_fields_too_large',
    detail: `The request line and headers are limited to ${MAX_HEADER_BYTES / 1024} KB together.`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'The request did not arrive in time; send it again.',
  },
};

/**
 * Answers what Node's HTTP parser refuses (headers too large, a request that stalls,
 * malformed HTTP) with problem+json instead of Node's bare status line, then closes.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A reset or a closed socket has nobody left to answer.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent && error.code !== 'ECONNRESET') {
      const known = CLIENT_ERRORS[error.code ?? ''] ?? {
        status: 400,
        code: 'bad_request' as const,
        detail: 'The request is not valid HTTP/1.1.',
      };
      const result = problemResponse(new HttpProblem(known.status, known.code, known.detail));
      const body = Buffer.from(result.body ?? '', 'utf8');
      const headers = Object.entries({
        ...result.headers,
        'content-length': body.length,
        connection: 'close',
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.end(
        Buffer.concat([
          Buffer.from(`HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\n${headers}\r\n`),
          body,
        ]),
      );
    }
    // Whatever the client does next, the connection ends here (soon, so the answer can leave).
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
}
