import { AsyncLocalStorage } from 'node:async_hooks';
import type { MediaStore } from '../core/ports';
import { gatheredChunks as gathered } from '../shared/gathered-chunks';
import type { OperationResult } from './operation';

/**
 * Where a streamed body goes when the runtime can send it as it is produced: the local
 * runtime's HTTP response (functions/local/response-sink.ts). API Gateway's HTTP API cannot
 * stream a Lambda's answer, so in AWS there is none and the body goes to the object store.
 */
export interface ResponseSink {
  /** Sends the status line and headers; the body follows in chunks (chunked transfer). */
  start(status: number, headers: Record<string, string>): void;
  /** Resolves once the client can take more (backpressure); rejects when the client left. */
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
  /** Cuts the response off, so the client sees an incomplete body, never a short "complete" one. */
  abort(error: unknown): void;
}

const sinks = new AsyncLocalStorage<ResponseSink>();

/** Whether this request's answer can be streamed (locally), or must be stored and linked (in AWS). */
export function canStreamResponse(): boolean {
  return sinks.getStore() !== undefined;
}

/** Runs a handler with `sink` as the place streamed answers are written to. */
export function withResponseSink<T>(sink: ResponseSink, fn: () => Promise<T>): Promise<T> {
  return sinks.run(sink, fn);
}

/** How long the link to a stored export works (seconds). */
export const STORED_BODY_LINK_SECONDS = 15 * 60;
export interface StreamedBody {
  contentType: string;
  /** The download's file name (Content-Disposition). */
  filename: string;
  chunks: AsyncIterable<string>;
  /** Where the body is stored when it cannot be streamed (see `sendStreamed`). */
  storeKey: string;
}

/**
 * Answers with a body produced piece by piece, never held whole. Where the runtime can stream
 * (locally), it is written to the response as it comes: 200, chunked. Where it cannot (Lambda
 * behind the HTTP API: buffered answers only, 6 MB at most), it is written to the private
 * object store as it comes (S3 multipart upload) and the answer is `303 See Other` to a
 * presigned link that expires after STORED_BODY_LINK_SECONDS. Call it where the producer's
 * resources are still open (inside the tenant transaction that holds the cursor).
 */
export async function sendStreamed(
  media: Pick<MediaStore, 'putStream' | 'getDownloadUrl'>,
  body: StreamedBody,
): Promise<OperationResult<never>> {
  const sink = sinks.getStore();
  const disposition = `attachment; filename="${body.filename.replace(/[^\w.-]/g, '_')}"`;
  if (!sink) {
    await media.putStream(body.storeKey, gathered(body.chunks), body.contentType);
    return {
      status: 303,
      headers: { location: await media.getDownloadUrl(body.storeKey, STORED_BODY_LINK_SECONDS) },
    };
  }
  sink.start(200, {
    'content-type': body.contentType,
    'content-disposition': disposition,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  try {
    for await (const chunk of gathered(body.chunks)) await sink.write(chunk);
    await sink.end();
  } catch (error) {
    sink.abort(error);
    throw error;
  }
  return { streamed: true };
}
