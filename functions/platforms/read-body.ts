import type { z } from 'zod';
import { PlatformError } from './connector';
import type { PlatformResponse } from './platform-http';

export interface BodyReading {
  /** The network as users know it, starting the message ("Mastodon could not ..."). */
  network: string;
  /** Words completing "<network> could not ..." ("publish the post"). */
  action: string;
  /** Whose answer it was, as the message names it; "the server's answer" unless told. */
  answer?: string;
  /** The call created something (a post): see `readPlatformBody`. */
  creates?: boolean;
}

/**
 * Reads a 2xx body with its schema. When the call created something, an unreadable answer
 * means the post probably exists but its id is unknown, so it is `unknown_outcome`, never a
 * retry; otherwise reading again later may work (`transient`).
 */
export function readPlatformBody<S extends z.ZodType>(
  schema: S,
  response: PlatformResponse,
  reading: BodyReading,
): z.infer<S> {
  const parsed = schema.safeParse(response.body);
  if (parsed.success) return parsed.data;
  const kind = reading.creates ? 'unknown_outcome' : 'transient';
  const answer = reading.answer ?? "the server's answer";
  throw new PlatformError(
    kind,
    `${reading.network} could not ${reading.action}: ${answer} was not understood`,
    {
      status: response.status,
    },
  );
}
