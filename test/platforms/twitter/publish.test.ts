import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaItem, PlatformError } from '../../../functions/platforms/connector';
import { TWITTER_DEFAULT_QUOTA } from '../../../functions/platforms/twitter';
import { twitterUnderTest } from '../support/twitter-connector';
import { problem, sendJson, startTwitterStandIn, type TwitterStandIn } from '../support/twitter-stand-in';

let standIn: TwitterStandIn;
beforeAll(async () => {
  standIn = await startTwitterStandIn();
});
afterAll(() => standIn.close());

let serial = 0;
const unique = (text: string) => `${text} #${(serial += 1)}`;

function file(name: string, kind: MediaItem['kind'], bytes: Buffer, altText?: string): MediaItem {
  const mimeType = kind === 'video' ? 'video/mp4' : kind === 'gif' ? 'image/gif' : 'image/png';
  return {
    id: name,
    kind,
    mimeType,
    bytes: bytes.length,
    url: standIn.addFile(name, mimeType, bytes),
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

describe('X publish', () => {
  it('posts text with the user token and returns the id and URL', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const text = unique('Hello X');
    const published = await connector.publish(credentials, { text, media: [] });

    const request = standIn.requestsTo('POST', '/2/tweets').at(-1);
    expect(request?.headers.authorization).toBe('Bearer token-alice');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.json).toEqual({ text });
    expect(published).toEqual({
      platformPostId: expect.stringMatching(/^\d{19}$/),
      url: `https://x.com/alice/status/${published.platformPostId}`,
      followUpIds: [],
    });
    expect(standIn.tweets.get(published.platformPostId)?.text).toBe(text);
  });

  it('reports the posting quota from the rate-limit headers of the last post', async () => {
    const { connector, credentials, clock } = twitterUnderTest(standIn);
    expect(await connector.quota?.(credentials)).toEqual(TWITTER_DEFAULT_QUOTA);
    standIn.userPostsLeft = 40;
    await connector.publish(credentials, { text: unique('quota'), media: [] });
    expect(await connector.quota?.(credentials)).toEqual({ used: 61, limit: 100, windowSeconds: 86_400 });
    clock.advance(36_001 * 1000);
    expect(await connector.quota?.(credentials)).toEqual({ used: 0, limit: 100, windowSeconds: 86_400 });
  });

  it('uploads an image in chunks (initialize, append x N, finalize), sets alt text, then attaches it', async () => {
    const { connector, credentials, waits } = twitterUnderTest(standIn, { chunkBytes: 1000 });
    const bytes = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));
    const published = await connector.publish(credentials, {
      text: unique('pic'),
      media: [file('pic', 'image', bytes, 'A red kite')],
    });

    const mediaId = standIn.tweets.get(published.platformPostId)?.mediaIds[0] ?? '';
    expect(standIn.requestsTo('POST', '/2/media/upload/initialize').at(-1)?.json).toEqual({
      media_type: 'image/png',
      total_bytes: 2500,
      media_category: 'tweet_image',
    });
    const appends = standIn.requestsTo('POST', `/2/media/upload/${mediaId}/append`);
    expect(appends.map((a) => a.form?.get('segment_index'))).toEqual(['0', '1', '2']);
    expect(appends.every((a) => a.headers.authorization === 'Bearer token-alice')).toBe(true);
    const upload = standIn.uploads.get(mediaId);
    expect(upload?.segments.map((s) => s.bytes.length)).toEqual([1000, 1000, 500]);
    expect(Buffer.concat(upload?.segments.map((s) => s.bytes) ?? [])).toEqual(bytes);
    expect(standIn.requestsTo('POST', `/2/media/upload/${mediaId}/finalize`)).toHaveLength(1);
    expect(standIn.requestsTo('POST', '/2/media/metadata').at(-1)?.json).toEqual({
      id: mediaId,
      metadata: { alt_text: { text: 'A red kite' } },
    });
    expect(standIn.requestsTo('POST', '/2/tweets').at(-1)?.json).toMatchObject({
      media: { media_ids: [mediaId] },
    });
    // Images need no processing: no STATUS polls.
    expect(waits).toEqual([]);
  });

  it('waits for video processing as check_after_secs asks, then posts media without text', async () => {
    const { connector, credentials, waits } = twitterUnderTest(standIn);
    standIn.pollsUntilDone = 2;
    const published = await connector.publish(credentials, {
      text: '',
      media: [file('clip', 'video', Buffer.alloc(3000, 1))],
    });

    const mediaId = standIn.tweets.get(published.platformPostId)?.mediaIds[0] ?? '';
    expect(standIn.uploads.get(mediaId)?.category).toBe('tweet_video');
    const polls = standIn
      .requestsTo('GET', '/2/media/upload')
      .filter((r) => r.query.get('media_id') === mediaId);
    expect(polls.map((p) => p.query.get('command'))).toEqual(['STATUS', 'STATUS', 'STATUS']);
    // finalize said check after 1 s, each in_progress answer said 3 s.
    expect(waits).toEqual([1000, 3000, 3000]);
    expect(standIn.requestsTo('POST', '/2/tweets').at(-1)?.json).toEqual({ media: { media_ids: [mediaId] } });
    // Videos get no alt text call.
    expect(
      standIn.requestsTo('POST', '/2/media/metadata').some((r) => (r.json as { id: string }).id === mediaId),
    ).toBe(false);
  });

  it('fails permanently with X’s reason when processing fails, and posts nothing', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.failProcessing = true;
    standIn.pollsUntilDone = 0;
    const tweetsBefore = standIn.tweets.size;
    const error = await rejection(
      connector.publish(credentials, {
        text: unique('bad'),
        media: [file('bad', 'gif', Buffer.alloc(10, 2))],
      }),
    );
    expect(error).toMatchObject({ kind: 'permanent', details: { platformCode: 'InvalidMedia' } });
    expect(error.message).toContain('Unsupported video format');
    expect(standIn.tweets.size).toBe(tweetsBefore);
    standIn.failProcessing = false;
    standIn.pollsUntilDone = 2;
  });

  it('gives up on processing after the budget with a retryable error', async () => {
    const { connector, credentials } = twitterUnderTest(standIn, { mediaProcessingTimeoutMs: 5000 });
    standIn.pollsUntilDone = 50;
    const error = await rejection(
      connector.publish(credentials, {
        text: unique('slow'),
        media: [file('slowclip', 'video', Buffer.alloc(10))],
      }),
    );
    expect(error.kind).toBe('transient');
    standIn.pollsUntilDone = 2;
  });

  it('fails permanently when the media file is gone, before uploading anything', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const before = standIn.requestsTo('POST', '/2/media/upload/initialize').length;
    const missing: MediaItem = {
      id: 'gone',
      kind: 'image',
      mimeType: 'image/png',
      bytes: 5,
      url: `${standIn.url}/files/none`,
    };
    const error = await rejection(connector.publish(credentials, { text: 'x', media: [missing] }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 404 } });
    expect(standIn.requestsTo('POST', '/2/media/upload/initialize').length).toBe(before);
  });

  it('maps a slow chunk upload to transient: no post was created', async () => {
    const { connector, credentials } = twitterUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('POST', /\/append$/, async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
    });
    const error = await rejection(
      connector.publish(credentials, {
        text: unique('x'),
        media: [file('slowpart', 'image', Buffer.alloc(10))],
      }),
    );
    expect(error.kind).toBe('transient');
  });

  it('posts a thread as a reply chain with the reply settings on each post', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const [one, two, three] = [unique('1/3'), unique('2/3'), unique('3/3')];
    const published = await connector.publish(credentials, {
      text: one,
      media: [],
      thread: [two, three],
      options: { replySettings: 'following' },
    });

    const [second, third] = published.followUpIds ?? [];
    expect(standIn.tweets.get(second ?? '')).toMatchObject({
      text: two,
      inReplyTo: published.platformPostId,
      replySettings: 'following',
    });
    expect(standIn.tweets.get(third ?? '')).toMatchObject({ text: three, inReplyTo: second });
    expect(standIn.requestsTo('POST', '/2/tweets').at(-2)?.json).toEqual({
      text: two,
      reply: { in_reply_to_tweet_id: published.platformPostId },
      reply_settings: 'following',
    });
  });

  it('keeps the live main post when a reply fails and reports it as a warning', async () => {
    const { connector, credentials, logger } = twitterUnderTest(standIn);
    standIn.override(
      'POST',
      '/2/tweets',
      (request, res) => {
        if ((request.json as { reply?: unknown }).reply)
          return sendJson(res, 503, problem(503, 'Service Unavailable', 'Service Unavailable'));
        return standIn.route(request, res);
      },
      2,
    );
    const text = unique('main');
    const published = await connector.publish(credentials, { text, media: [], thread: [unique('reply')] });
    expect(standIn.tweets.get(published.platformPostId)?.text).toBe(text);
    expect(published.followUpIds).toEqual([]);
    expect(published.warnings).toEqual([
      'Reply 1 of the thread was not posted: X could not publish the thread reply: Service Unavailable',
    ]);
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });

  it('maps duplicate content (403) to permanent with X’s message', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const text = unique('same');
    await connector.publish(credentials, { text, media: [] });
    const error = await rejection(connector.publish(credentials, { text, media: [] }));
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 403 } });
    expect(error.message).toBe(
      'X could not publish the post: You are not allowed to create a Tweet with duplicate content.',
    );
  });

  it('maps an expired token (401) to auth', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    const error = await rejection(
      connector.publish({ ...credentials, accessToken: 'expired' }, { text: unique('x'), media: [] }),
    );
    expect(error).toMatchObject({ kind: 'auth', details: { status: 401 } });
  });

  it('maps 429 to rate_limited, waiting for the exhausted 24-hour user limit', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) =>
      sendJson(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), {
        'x-rate-limit-limit': '200',
        'x-rate-limit-remaining': '120',
        'x-rate-limit-reset': String(standIn.nowSeconds + 600),
        'x-user-limit-24hour-limit': '100',
        'x-user-limit-24hour-remaining': '0',
        'x-user-limit-24hour-reset': String(standIn.nowSeconds + 7200),
      }),
    );
    const error = await rejection(connector.publish(credentials, { text: unique('x'), media: [] }));
    expect(error).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterSeconds: 7200 } });
  });

  it('maps 429 with only the 15-minute window headers to its reset', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) =>
      sendJson(res, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), {
        'x-rate-limit-limit': '200',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(standIn.nowSeconds + 420),
      }),
    );
    const error = await rejection(connector.publish(credentials, { text: unique('x'), media: [] }));
    expect(error.details.retryAfterSeconds).toBe(420);
  });

  it('maps 503 to transient and a 504 on the create to unknown_outcome', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) =>
      sendJson(res, 503, problem(503, 'Service Unavailable', 'Service Unavailable')),
    );
    expect((await rejection(connector.publish(credentials, { text: unique('x'), media: [] }))).kind).toBe(
      'transient',
    );
    standIn.override('POST', '/2/tweets', (_request, res) => {
      res.writeHead(504, { 'content-type': 'text/html' });
      res.end('<html>upstream timed out</html>');
    });
    expect((await rejection(connector.publish(credentials, { text: unique('x'), media: [] }))).kind).toBe(
      'unknown_outcome',
    );
  });

  it('maps a create that gets no answer in time to unknown_outcome', async () => {
    const { connector, credentials } = twitterUnderTest(standIn, { timeoutMs: 150 });
    standIn.override('POST', '/2/tweets', async (request, res) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      if (!res.destroyed) await standIn.route(request, res);
    });
    expect((await rejection(connector.publish(credentials, { text: unique('slow'), media: [] }))).kind).toBe(
      'unknown_outcome',
    );
  });

  it('maps a created post whose answer lacks an id to unknown_outcome', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) => sendJson(res, 201, { data: { text: 'no id' } }));
    expect((await rejection(connector.publish(credentials, { text: unique('x'), media: [] }))).kind).toBe(
      'unknown_outcome',
    );
  });

  it('maps an invalid request (400) to permanent with the first error message', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) =>
      sendJson(res, 400, {
        errors: [
          {
            parameters: { 'reply.in_reply_to_tweet_id': ['1'] },
            message: 'The `reply.in_reply_to_tweet_id` query parameter value [1] is not valid',
          },
        ],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      }),
    );
    const error = await rejection(connector.publish(credentials, { text: unique('x'), media: [] }));
    expect(error).toMatchObject({
      kind: 'permanent',
      details: { status: 400, platformCode: 'invalid-request' },
    });
    expect(error.message).toContain('One or more parameters to your request was invalid.');
  });

  it('maps exhausted pay-per-use credits (402) to permanent', async () => {
    const { connector, credentials } = twitterUnderTest(standIn);
    standIn.override('POST', '/2/tweets', (_request, res) =>
      sendJson(
        res,
        402,
        problem(
          402,
          'Payment Required',
          'Your account does not have enough credits to complete this request.',
        ),
      ),
    );
    expect((await rejection(connector.publish(credentials, { text: unique('x'), media: [] }))).kind).toBe(
      'permanent',
    );
  });
});
