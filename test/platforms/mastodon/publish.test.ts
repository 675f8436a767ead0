import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, PlatformError } from '../../../functions/platforms/connector';
import { mastodonUnderTest } from '../support/mastodon-connector';
import { sendJson, startMastodonStandIn, type MastodonStandIn } from '../support/mastodon-stand-in';

let standIn: MastodonStandIn;
beforeAll(async () => {
  standIn = await startMastodonStandIn();
});
afterAll(() => standIn.close());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const mp4 = Buffer.alloc(4096, 7);

function imageItem(name: string, altText?: string): MediaItem {
  return {
    id: name,
    kind: 'image',
    mimeType: 'image/png',
    bytes: png.length,
    url: standIn.addFile(name, 'image/png', png),
    altText,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    return error as PlatformError;
  }
  throw new Error('expected the call to fail');
}

describe('Mastodon publish', () => {
  it('posts text with the bearer token and an Idempotency-Key, returning id and URL', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const published = await connector.publish(credentials, { text: 'Hello fediverse', media: [] });

    const [request] = standIn.requestsTo('POST', '/api/v1/statuses').slice(-1);
    expect(request?.headers.authorization).toBe('Bearer token-alice');
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f]{64}$/);
    expect(request?.json).toEqual({ status: 'Hello fediverse' });
    expect(published).toEqual({
      platformPostId: expect.any(String),
      url: `${standIn.url}/@alice/${published.platformPostId}`,
      followUpIds: [],
    });
    expect(standIn.statuses.get(published.platformPostId)?.text).toBe('Hello fediverse');
  });

  it('sends the same Idempotency-Key when the same post is retried, so Mastodon returns the first status', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const draft = { text: `Retry me ${Date.now()}`, media: [] };
    const first = await connector.publish(credentials, draft);
    const second = await connector.publish(credentials, draft);

    const keys = standIn
      .requestsTo('POST', '/api/v1/statuses')
      .slice(-2)
      .map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
    expect(second.platformPostId).toBe(first.platformPostId);
    const third = await connector.publish(credentials, { ...draft, text: `${draft.text}!` });
    expect(third.platformPostId).not.toBe(first.platformPostId);
  });

  it('uploads images as multipart with their description before attaching them', async () => {
    const { connector, credentials, waits } = mastodonUnderTest(standIn);
    const before = standIn.requestsTo('POST', '/api/v2/media').length;
    const published = await connector.publish(credentials, {
      text: 'Two cats',
      media: [imageItem('cat-1', 'A grey cat'), imageItem('cat-2')],
    });

    const uploads = standIn.requestsTo('POST', '/api/v2/media').slice(before);
    expect(uploads).toHaveLength(2);
    const file = uploads[0]?.form?.get('file') as File;
    expect(file.name).toBe('cat-1.png');
    expect(file.type).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(png);
    expect(uploads[0]?.form?.get('description')).toBe('A grey cat');
    expect(uploads[1]?.form?.has('description')).toBe(false);
    expect(uploads[0]?.headers.authorization).toBe('Bearer token-alice');

    const status = standIn.statuses.get(published.platformPostId);
    const mediaIds = status?.mediaIds ?? [];
    expect(mediaIds.map((id) => standIn.media.get(id)?.fileName)).toEqual(['cat-1.png', 'cat-2.png']);
    // Images are processed synchronously (200): nothing to poll.
    expect(waits).toEqual([]);
  });

  it('waits for a video to finish processing (202, then 206 until 200) before posting', async () => {
    const { connector, credentials, waits } = mastodonUnderTest(standIn);
    standIn.videoPollsUntilReady = 2;
    const video: MediaItem = {
      id: 'clip',
      kind: 'video',
      mimeType: 'video/mp4',
      bytes: mp4.length,
      url: standIn.addFile('clip', 'video/mp4', mp4),
    };
    const published = await connector.publish(credentials, { text: 'Watch this', media: [video] });

    const mediaId = standIn.statuses.get(published.platformPostId)?.mediaIds[0] ?? '';
    const polls = standIn.requestsTo('GET', `/api/v1/media/${mediaId}`);
    expect(polls).toHaveLength(3); // 206, 206, 200
    expect(polls.every((p) => p.headers.authorization === 'Bearer token-alice')).toBe(true);
    expect(waits).toEqual([1000, 2000, 3000]);
  });

  it('gives up on processing after the configured budget with a retryable error and posts nothing', async () => {
    const { connector, credentials, waits } = mastodonUnderTest(standIn, {
      mediaProcessingTimeoutMs: 10_000,
    });
    standIn.videoPollsUntilReady = 100;
    const statusesBefore = standIn.statuses.size;
    const video: MediaItem = {
      id: 'slow',
      kind: 'video',
      mimeType: 'video/mp4',
      bytes: mp4.length,
      url: standIn.addFile('slow', 'video/mp4', mp4),
    };
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [video] }));
    expect(error.kind).toBe('transient');
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(standIn.statuses.size).toBe(statusesBefore);
    standIn.videoPollsUntilReady = 2;
  });

  it('fails permanently when the server cannot process the media (422 while polling)', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('GET', /^\/api\/v1\/media\//, (_request, res) =>
      sendJson(res, 422, { error: 'Validation failed: File could not be processed' }),
    );
    const video: MediaItem = {
      id: 'bad',
      kind: 'video',
      mimeType: 'video/mp4',
      bytes: 4,
      url: standIn.addFile('bad', 'video/mp4', mp4),
    };
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [video] }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 422 } });
    expect(error.message).toContain('Validation failed: File could not be processed');
  });

  it('fails permanently when the media file is gone from storage, before calling Mastodon', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const before = standIn.requestsTo('POST', '/api/v2/media').length;
    const missing: MediaItem = {
      id: 'gone',
      kind: 'image',
      mimeType: 'image/png',
      bytes: 1,
      url: `${standIn.url}/files/nope`,
    };
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [missing] }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 404 } });
    expect(standIn.requestsTo('POST', '/api/v2/media').length).toBe(before);
  });

  it('sends visibility, content warning, sensitivity and language, on replies too', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const options = { visibility: 'unlisted', spoilerText: 'spoilers', sensitive: true, language: 'FR' };
    await connector.publish(credentials, { text: 'Fin du film', media: [], thread: ['suite'], options });

    const [main, reply] = standIn.requestsTo('POST', '/api/v1/statuses').slice(-2);
    const expected = { visibility: 'unlisted', spoiler_text: 'spoilers', sensitive: true, language: 'fr' };
    expect(main?.json).toEqual({ status: 'Fin du film', ...expected });
    expect(reply?.json).toEqual({ status: 'suite', in_reply_to_id: expect.any(String), ...expected });
  });

  it('posts a thread as a reply chain', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const published = await connector.publish(credentials, {
      text: '1/3',
      media: [],
      thread: ['2/3', '3/3'],
    });

    expect(published.followUpIds).toHaveLength(2);
    const [second, third] = published.followUpIds ?? [];
    expect(standIn.statuses.get(second ?? '')).toMatchObject({
      text: '2/3',
      inReplyToId: published.platformPostId,
    });
    expect(standIn.statuses.get(third ?? '')).toMatchObject({ text: '3/3', inReplyToId: second });
    const keys = standIn
      .requestsTo('POST', '/api/v1/statuses')
      .slice(-3)
      .map((r) => r.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps the published main post when a thread reply fails, and reports the broken thread', async () => {
    const { connector, credentials, logger } = mastodonUnderTest(standIn);
    standIn.override(
      'POST',
      '/api/v1/statuses',
      (request, res) => {
        const body = request.json as { in_reply_to_id?: string };
        if (body.in_reply_to_id) return sendJson(res, 503, { error: 'Service Unavailable' });
        return standIn.route(request, res);
      },
      2,
    );
    const published = await connector.publish(credentials, {
      text: 'main',
      media: [],
      thread: ['reply 1', 'reply 2'],
    });

    expect(standIn.statuses.get(published.platformPostId)?.text).toBe('main');
    expect(published.followUpIds).toEqual([]);
    expect(published.warnings).toEqual([
      'Reply 1 of the thread was not posted (nor the 1 after it): Mastodon could not publish the thread reply: Service Unavailable',
    ]);
    expect(logger.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('maps a revoked token (401) to auth', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const error = await rejection(
      connector.publish({ ...credentials, accessToken: 'revoked' }, { text: 'x', media: [] }),
    );
    expect(error).toMatchObject({ kind: 'auth', details: { status: 401 } });
    expect(error.message).toContain('The access token is invalid');
  });

  it('maps a token without the needed scope (403) to auth', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('POST', '/api/v1/statuses', (_request, res) =>
      sendJson(res, 403, { error: 'This action is outside the authorized scopes' }),
    );
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [] }));
    expect(error.kind).toBe('auth');
  });

  it('maps 429 to rate_limited with the wait from the ISO 8601 X-RateLimit-Reset header', async () => {
    const { connector, credentials, clock } = mastodonUnderTest(standIn);
    const reset = new Date(clock.now().getTime() + 90_000).toISOString();
    standIn.override('POST', '/api/v1/statuses', (_request, res) =>
      sendJson(
        res,
        429,
        { error: 'Too many requests' },
        { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      ),
    );
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [] }));
    expect(error).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterSeconds: 90 } });
  });

  it('maps a validation error (422) to permanent with the server message verbatim', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const error = await rejection(connector.publish(credentials, { text: 'a'.repeat(501), media: [] }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 422 } });
    expect(error.message).toBe(
      'Mastodon could not publish the post: Validation failed: Text character limit of 500 exceeded',
    );
  });

  it('maps 500 and 503 on a create to transient (the server answered, nothing was created)', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('POST', '/api/v1/statuses', (_request, res) =>
      sendJson(res, 503, { error: 'Service Unavailable' }),
    );
    expect((await rejection(connector.publish(credentials, { text: 'x', media: [] }))).kind).toBe(
      'transient',
    );
  });

  it('maps a 504 gateway timeout on a create to unknown_outcome', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('POST', '/api/v1/statuses', (_request, res) => {
      res.writeHead(504, { 'content-type': 'text/html' });
      res.end('<html>Gateway Timeout</html>');
    });
    expect((await rejection(connector.publish(credentials, { text: 'x', media: [] }))).kind).toBe(
      'unknown_outcome',
    );
  });

  it('maps a status create that gets no answer in time to unknown_outcome, never to a retry', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('POST', '/api/v1/statuses', async (request, res) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      if (!res.destroyed) await standIn.route(request, res);
    });
    const error = await rejection(connector.publish(credentials, { text: 'slow', media: [] }));
    expect(error.kind).toBe('unknown_outcome');
  });

  it('maps a created status whose answer cannot be read to unknown_outcome', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    standIn.override('POST', '/api/v1/statuses', (_request, res) =>
      sendJson(res, 200, { content: 'no id here' }),
    );
    expect((await rejection(connector.publish(credentials, { text: 'x', media: [] }))).kind).toBe(
      'unknown_outcome',
    );
  });

  it('maps a slow media upload to transient (an orphan upload is harmless)', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('POST', '/api/v2/media', async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    const error = await rejection(
      connector.publish(credentials, { text: 'x', media: [imageItem('slow-upload')] }),
    );
    expect(error.kind).toBe('transient');
  });

  it('needs the account to carry its server address', async () => {
    const { connector, credentials } = mastodonUnderTest(standIn);
    const error = await rejection(
      connector.publish({ ...credentials, serviceUrl: undefined }, { text: 'x', media: [] }),
    );
    expect(error.kind).toBe('auth');
  });
});
