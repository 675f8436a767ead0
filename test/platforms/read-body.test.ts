import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../functions/platforms/connector';
import type { PlatformResponse } from '../../functions/platforms/platform-http';
import { readPlatformBody } from '../../functions/platforms/read-body';

const created = z.object({ id: z.string() });
const answer = (body: unknown): PlatformResponse => ({ status: 200, headers: new Headers(), body });

function refusal(run: () => unknown): PlatformError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected a PlatformError');
}

describe('readPlatformBody', () => {
  it('returns the body as its schema reads it', () => {
    expect(
      readPlatformBody(created, answer({ id: '7', extra: 1 }), { network: 'Mastodon', action: 'post' }),
    ).toEqual({
      id: '7',
    });
  });

  it('an unreadable answer to a read is transient: reading again may work', () => {
    const error = refusal(() =>
      readPlatformBody(created, answer('<html>'), { network: 'Bluesky', action: 'read the post' }),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toBe("Bluesky could not read the post: the server's answer was not understood");
    expect(error.details.status).toBe(200);
  });

  it('an unreadable answer to a call that created something is an unknown outcome, never a retry', () => {
    const error = refusal(() =>
      readPlatformBody(created, answer({}), {
        network: 'X',
        action: 'publish the post',
        answer: 'the answer',
        creates: true,
      }),
    );
    expect(error.kind).toBe('unknown_outcome');
    expect(error.message).toBe('X could not publish the post: the answer was not understood');
  });
});
