import { afterEach, describe, expect, it } from 'vitest';
import { blueskyUnderTest, rejection, type BlueskyStandIns } from '../support/bluesky-connector';
import { xrpcError } from '../support/bluesky-stand-in';

/**
 * What a real PDS cannot easily be made to do: rate limits with reset headers, server errors,
 * answers slower than the timeout, failures halfway through a thread. The happy paths run
 * against a real PDS in real-pds.test.ts.
 */
let net: BlueskyStandIns | undefined;
afterEach(async () => {
  await net?.close();
  net = undefined;
});

async function setUp(options: Parameters<typeof blueskyUnderTest>[0] = {}) {
  const underTest = await blueskyUnderTest(options);
  net = underTest.net;
  return underTest;
}

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');

describe('Bluesky publish: the request contract', () => {
  it('writes to the PDS with the bearer token, the DID as repo and the record as documented', async () => {
    const { net, connector, credentials } = await setUp();
    const published = await connector.publish(credentials, {
      text: 'Hi @bob.bsky.social and @ghost.bsky.social',
      media: [],
      thread: ['More for @bob.bsky.social'],
      options: { langs: ['en', 'pt-BR'], labels: ['graphic-media'], tags: ['#launch', 'plume'] },
    });
    const [create, reply] = net.pds.calls('com.atproto.repo.createRecord');
    expect(create?.method).toBe('POST');
    expect(create?.headers.authorization).toBe(`Bearer ${credentials.accessToken}`);
    expect(create?.headers['content-type']).toBe('application/json');
    expect(create?.json).toEqual({
      repo: 'did:plc:alice',
      collection: 'app.bsky.feed.post',
      record: {
        $type: 'app.bsky.feed.post',
        text: 'Hi @bob.bsky.social and @ghost.bsky.social',
        createdAt: '2025-06-01T12:00:00.000Z',
        facets: [
          {
            index: { byteStart: 3, byteEnd: 19 },
            features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:bob' }],
          },
        ],
        langs: ['en', 'pt-BR'],
        labels: { $type: 'com.atproto.label.defs#selfLabels', values: [{ val: 'graphic-media' }] },
        tags: ['launch', 'plume'],
      },
    });
    // Replies keep the languages; labels and tags belong to the first post.
    const replyRecord = reply?.json?.record as Record<string, unknown>;
    expect(replyRecord.langs).toEqual(['en', 'pt-BR']);
    expect(replyRecord).not.toHaveProperty('labels');
    expect(replyRecord).not.toHaveProperty('tags');
    // Mentions are resolved once per publish on the account's PDS; the unknown handle stays plain text.
    expect(
      net.pds.calls('com.atproto.identity.resolveHandle').map((call) => call.query.get('handle')),
    ).toEqual(['bob.bsky.social', 'ghost.bsky.social']);
    expect(net.entryway.calls('com.atproto.repo.createRecord')).toHaveLength(0);
    expect(published.platformPostId).toMatch(/^at:\/\/did:plc:alice\/app\.bsky\.feed\.post\//);
  });

  it('refuses an invalid draft before sending anything', async () => {
    const { net, connector, credentials } = await setUp();
    const before = net.pds.requests.length;
    const error = await rejection(
      connector.publish(credentials, { text: 'x'.repeat(301), media: [], thread: ['ok'] }),
    );
    expect(error).toMatchObject({ kind: 'permanent', details: { platformCode: 'text_too_long' } });
    expect(error.message).toBe('Bluesky: The post is 301 characters long; Bluesky allows 300.');
    expect(net.pds.requests).toHaveLength(before);
  });
});

describe('Bluesky publish: errors mapped to PlatformError kinds', () => {
  it('a create that outlasts the timeout is unknown_outcome and is not retried', async () => {
    const { net, connector, credentials } = await setUp({ timeoutMs: 500 });
    net.pds.delay('com.atproto.repo.createRecord', 1500);
    const error = await rejection(connector.publish(credentials, { text: 'Slow', media: [] }));
    expect(error.kind).toBe('unknown_outcome');
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(1);
  });

  it('a slow blob upload is transient: nothing was posted yet', async () => {
    const { net, connector, credentials } = await setUp({ uploadTimeoutMs: 200 });
    const url = net.pds.addFile('a.png', 'image/png', png);
    net.pds.delay('com.atproto.repo.uploadBlob', 1500);
    const error = await rejection(
      connector.publish(credentials, {
        text: 'Image',
        media: [{ id: 'a', kind: 'image', mimeType: 'image/png', bytes: png.length, url }],
      }),
    );
    expect(error.kind).toBe('transient');
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('429 is rate_limited, with the wait read from RateLimit-Reset (epoch seconds)', async () => {
    const { net, connector, credentials, clock } = await setUp();
    const reset = Math.floor(clock.now().getTime() / 1000) + 1800;
    net.pds.override('com.atproto.repo.createRecord', (_request, response) =>
      xrpcError(response, 429, 'RateLimitExceeded', 'Rate Limit Exceeded', {
        'RateLimit-Limit': '5000',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': String(reset),
        'RateLimit-Policy': '5000;w=3600',
      }),
    );
    const error = await rejection(connector.publish(credentials, { text: 'Busy', media: [] }));
    expect(error).toMatchObject({
      kind: 'rate_limited',
      message: 'Bluesky could not publish the post: Rate Limit Exceeded',
      details: { status: 429, platformCode: 'RateLimitExceeded', retryAfterSeconds: 1800 },
    });
  });

  it('500 and 502 are transient; a 504 on the create is unknown_outcome', async () => {
    const { net, connector, credentials } = await setUp();
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(res, 500, 'InternalServerError', 'Internal Server Error'),
    );
    expect(await rejection(connector.publish(credentials, { text: 'a', media: [] }))).toMatchObject({
      kind: 'transient',
      details: { status: 500 },
    });
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(res, 502, 'UpstreamFailure', 'Upstream Failure'),
    );
    expect(await rejection(connector.publish(credentials, { text: 'b', media: [] }))).toMatchObject({
      kind: 'transient',
      details: { status: 502 },
    });
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(res, 504, 'UpstreamTimeout', 'Upstream Timeout'),
    );
    expect(await rejection(connector.publish(credentials, { text: 'c', media: [] }))).toMatchObject({
      kind: 'unknown_outcome',
      details: { status: 504 },
    });
  });

  it('an expired access token (400 ExpiredToken) is auth; a rejected record is permanent with its message', async () => {
    const { net, connector, credentials } = await setUp();
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(res, 400, 'ExpiredToken', 'Token has expired'),
    );
    expect(await rejection(connector.publish(credentials, { text: 'a', media: [] }))).toMatchObject({
      kind: 'auth',
      details: { status: 400, platformCode: 'ExpiredToken' },
    });
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(
        res,
        400,
        'InvalidRequest',
        'Invalid app.bsky.feed.post record: Record/langs/0 must be a well-formed BCP 47 language tag',
      ),
    );
    expect(await rejection(connector.publish(credentials, { text: 'b', media: [] }))).toMatchObject({
      kind: 'permanent',
      message:
        'Bluesky could not publish the post: Invalid app.bsky.feed.post record: Record/langs/0 must be a well-formed BCP 47 language tag',
    });
  });

  it('a mention look-up that fails on the server stops the publish before anything is created', async () => {
    const { net, connector, credentials } = await setUp();
    net.pds.override('com.atproto.identity.resolveHandle', (_r, res) =>
      xrpcError(res, 503, 'ServiceUnavailable', 'try later'),
    );
    const error = await rejection(
      connector.publish(credentials, { text: 'First', media: [], thread: ['cc @bob.bsky.social'] }),
    );
    expect(error.kind).toBe('transient');
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('a media file that is gone fails permanently before anything is created', async () => {
    const { net, connector, credentials } = await setUp();
    const url = `${net.pds.url}/files/missing.png`;
    const error = await rejection(
      connector.publish(credentials, {
        text: 'Image',
        media: [{ id: 'm1', kind: 'image', mimeType: 'image/png', bytes: 10, url }],
      }),
    );
    expect(error).toMatchObject({ kind: 'permanent', details: { status: 404 } });
    expect(error.message).toMatch(/attachment m1/);
    expect(net.pds.calls('com.atproto.repo.uploadBlob')).toHaveLength(0);
  });
});

describe('Bluesky publish: threads', () => {
  it('uploads images first, then chains replies to the first post', async () => {
    const { net, connector, credentials } = await setUp();
    const url = net.pds.addFile('b.png', 'image/png', png);
    const published = await connector.publish(credentials, {
      text: 'One',
      media: [
        { id: 'b', kind: 'image', mimeType: 'image/png', bytes: png.length, url, width: 1200, height: 630.4 },
      ],
      thread: ['Two', 'Three'],
    });
    const [upload] = net.pds.calls('com.atproto.repo.uploadBlob');
    expect(upload?.headers['content-type']).toBe('image/png');
    expect(upload?.raw.equals(png)).toBe(true);
    const creates = net.pds
      .calls('com.atproto.repo.createRecord')
      .map((call) => call.json?.record as Record<string, unknown>);
    expect(creates[0]?.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [
        {
          image: {
            $type: 'blob',
            ref: { $link: expect.stringMatching(/^bafkrei/) },
            mimeType: 'image/png',
            size: png.length,
          },
          alt: '',
          aspectRatio: { width: 1200, height: 630 },
        },
      ],
    });
    const root = { uri: published.platformPostId, cid: net.world.records.get(published.platformPostId)?.cid };
    const second = {
      uri: published.followUpIds?.[0],
      cid: net.world.records.get(published.followUpIds?.[0] ?? '')?.cid,
    };
    expect(creates[1]).toMatchObject({ text: 'Two', reply: { root, parent: root } });
    expect(creates[2]).toMatchObject({ text: 'Three', reply: { root, parent: second } });
    expect(creates[1]?.embed).toBeUndefined();
  });

  it('a reply that fails after the first post is live returns the post with a warning, never an error', async () => {
    const { net, connector, credentials, logger } = await setUp();
    net.pds.override('com.atproto.repo.createRecord', async (request, response) => {
      await net.pds.route(request, response);
    });
    net.pds.override('com.atproto.repo.createRecord', (_r, res) =>
      xrpcError(res, 500, 'InternalServerError', 'Internal Server Error'),
    );
    const published = await connector.publish(credentials, {
      text: 'Root',
      media: [],
      thread: ['Two', 'Three', 'Four'],
    });
    expect(published.platformPostId).toMatch(/^at:\/\//);
    expect(published.followUpIds).toEqual([]);
    expect(published.warnings).toEqual([
      'Reply 1 of the thread was not posted (the 2 after it were not): Bluesky could not publish the thread reply: Internal Server Error',
    ]);
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(2);
    expect(
      logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes('thread reply failed')),
    ).toBe(true);
  });

  it('a reply whose outcome is unknown says it may have been posted', async () => {
    const { net, connector, credentials } = await setUp({ timeoutMs: 500 });
    net.pds.override('com.atproto.repo.createRecord', async (request, response) =>
      net.pds.route(request, response),
    );
    net.pds.override('com.atproto.repo.createRecord', async (request, response) =>
      net.pds.route(request, response),
    );
    net.pds.delay('com.atproto.repo.createRecord', 1500);
    const published = await connector.publish(credentials, {
      text: 'Root',
      media: [],
      thread: ['Two', 'Three'],
    });
    expect(published.followUpIds).toHaveLength(1);
    expect(published.warnings?.[0]).toMatch(/^Reply 2 of the thread may not have been posted: /);
  });
});
