import { afterEach, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../functions/platforms/connector';
import { blueskyUnderTest, rejection, type BlueskyStandIns } from '../support/bluesky-connector';
import { sendJson, type BlueskyStandIn } from '../support/bluesky-stand-in';

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

const mp4 = Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), Buffer.alloc(2048, 3)]);

function videoItem(server: BlueskyStandIn, overrides: Partial<MediaItem> = {}): MediaItem {
  return {
    id: 'clip',
    kind: 'video',
    mimeType: 'video/mp4',
    bytes: mp4.length,
    width: 1080,
    height: 1920,
    durationSeconds: 12,
    altText: 'A short clip',
    url: server.addFile('clip.mp4', 'video/mp4', mp4),
    ...overrides,
  };
}

function claims(token: string | undefined): Record<string, unknown> {
  return JSON.parse(
    Buffer.from((token ?? '').replace('Bearer ', '').split('.')[1] ?? '', 'base64url').toString(),
  );
}

const videoDid = () => `did:web:127.0.0.1%3A${new URL(net?.video.url ?? '').port}`;
const pdsDid = () => `did:web:127.0.0.1%3A${new URL(net?.pds.url ?? '').port}`;

describe('Bluesky video through the video service', () => {
  it('checks the allowance, uploads with a PDS service token, polls the job and embeds the blob', async () => {
    const { net, connector, credentials, waits } = await setUp();
    const published = await connector.publish(credentials, { text: 'Watch', media: [videoItem(net.video)] });

    // 1. Allowance: a service token for the video service, then getUploadLimits with it.
    const auths = net.pds.calls('com.atproto.server.getServiceAuth');
    expect(auths.map((call) => Object.fromEntries(call.query))).toEqual([
      {
        aud: videoDid(),
        lxm: 'app.bsky.video.getUploadLimits',
        exp: String(Date.parse('2025-06-01T12:01:00Z') / 1000),
      },
      {
        aud: pdsDid(),
        lxm: 'com.atproto.repo.uploadBlob',
        exp: String(Date.parse('2025-06-01T12:30:00Z') / 1000),
      },
    ]);
    expect(auths.every((call) => call.headers.authorization === `Bearer ${credentials.accessToken}`)).toBe(
      true,
    );
    const [limits] = net.video.calls('app.bsky.video.getUploadLimits');
    expect(claims(limits?.headers.authorization)).toMatchObject({
      aud: videoDid(),
      lxm: 'app.bsky.video.getUploadLimits',
    });

    // 2. Upload: raw bytes, the DID and a file name in the query, the uploadBlob service token.
    const [upload] = net.video.calls('app.bsky.video.uploadVideo');
    expect(upload?.method).toBe('POST');
    expect(Object.fromEntries(upload?.query ?? [])).toEqual({ did: 'did:plc:alice', name: 'clip.mp4' });
    expect(upload?.headers['content-type']).toBe('video/mp4');
    expect(upload?.raw.equals(mp4)).toBe(true);
    expect(claims(upload?.headers.authorization)).toMatchObject({
      aud: pdsDid(),
      lxm: 'com.atproto.repo.uploadBlob',
    });

    // 3. Polling without authentication until the job completes; the waits go through the injected sleep.
    const polls = net.video.calls('app.bsky.video.getJobStatus');
    expect(polls).toHaveLength(3);
    const [jobId] = [...net.world.jobs.keys()];
    expect(polls.map((call) => [call.query.get('jobId'), call.headers.authorization])).toEqual(
      Array(3).fill([jobId, undefined]),
    );
    expect(waits).toEqual([1000, 1000, 2000]);

    // 4. The post embeds the processed blob; nothing went to the PDS as uploadBlob.
    const job = [...net.world.jobs.values()][0];
    const record = net.world.records.get(published.platformPostId)?.value;
    expect(record?.embed).toEqual({
      $type: 'app.bsky.embed.video',
      video: job?.blob,
      alt: 'A short clip',
      aspectRatio: { width: 1080, height: 1920 },
    });
    expect(net.pds.calls('com.atproto.repo.uploadBlob')).toHaveLength(0);
  });

  it('sends a GIF to the video service and marks it for looping presentation', async () => {
    const { net, connector, credentials } = await setUp();
    const gif = Buffer.from('GIF89a-animated');
    const url = net.video.addFile('loop.gif', 'image/gif', gif);
    const published = await connector.publish(credentials, {
      text: '',
      media: [{ id: 'loop', kind: 'gif', mimeType: 'image/gif', bytes: gif.length, url, altText: 'Cat' }],
    });
    const [upload] = net.video.calls('app.bsky.video.uploadVideo');
    expect(upload?.headers['content-type']).toBe('image/gif');
    expect(upload?.query.get('name')).toBe('loop.gif');
    expect(net.world.records.get(published.platformPostId)?.value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      presentation: 'gif',
    });
  });

  it('uses the blob of a video the service already processed (409 already_exists)', async () => {
    const { net, connector, credentials } = await setUp();
    const blob = { $type: 'blob', ref: { $link: 'bafkreialreadythere' }, mimeType: 'video/mp4', size: 2000 };
    net.video.override('app.bsky.video.uploadVideo', (_request, response) =>
      sendJson(response, 409, {
        jobId: 'job-old',
        did: 'did:plc:alice',
        state: 'JOB_STATE_FAILED',
        error: 'already_exists',
        blob,
      }),
    );
    const published = await connector.publish(credentials, { text: 'Again', media: [videoItem(net.video)] });
    expect(net.world.records.get(published.platformPostId)?.value.embed).toMatchObject({ video: blob });
    expect(net.video.calls('app.bsky.video.getJobStatus')).toHaveLength(0);
  });

  it('a failed processing job is permanent with the service message; no post is created', async () => {
    const { net, connector, credentials } = await setUp();
    net.world.videoOutcome = 'failed';
    const error = await rejection(
      connector.publish(credentials, { text: 'Long', media: [videoItem(net.video)] }),
    );
    expect(error).toMatchObject({
      kind: 'permanent',
      message: 'Bluesky could not process video clip: Video is too long',
      details: { platformCode: 'validation_failure' },
    });
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('processing that outlasts the configured wait is transient; no post is created', async () => {
    const { net, connector, credentials, waits } = await setUp({ videoProcessingTimeoutMs: 8000 });
    net.world.videoPolls = 100;
    const error = await rejection(
      connector.publish(credentials, { text: 'Slow', media: [videoItem(net.video)] }),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/still processing video clip/);
    expect(waits).toEqual([1000, 1000, 2000, 3000]);
    expect(net.pds.calls('com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('an upload the service rejects maps the XRPC error (413 is permanent, 503 transient)', async () => {
    const { net, connector, credentials } = await setUp();
    net.video.override('app.bsky.video.uploadVideo', (_r, res) =>
      sendJson(res, 413, { error: 'PayloadTooLarge', message: 'request entity too large' }),
    );
    expect(
      await rejection(connector.publish(credentials, { text: 'Big', media: [videoItem(net.video)] })),
    ).toMatchObject({
      kind: 'permanent',
      details: { status: 413, platformCode: 'PayloadTooLarge' },
    });
    net.video.override('app.bsky.video.uploadVideo', (_r, res) =>
      sendJson(res, 503, { error: 'Unavailable' }),
    );
    expect(
      (await rejection(connector.publish(credentials, { text: 'Big', media: [videoItem(net.video)] }))).kind,
    ).toBe('transient');
  });

  it('an unverified email is permanent; a used-up daily allowance is rate_limited; neither uploads', async () => {
    const { net, connector, credentials } = await setUp();
    net.world.uploadLimits = {
      canUpload: false,
      remainingDailyVideos: 25,
      remainingDailyBytes: 10_000_000_000,
      message: 'Please verify your email',
    };
    expect(
      await rejection(connector.publish(credentials, { text: 'a', media: [videoItem(net.video)] })),
    ).toMatchObject({
      kind: 'permanent',
      message: 'Bluesky refused the video upload: Please verify your email',
    });
    net.world.uploadLimits = {
      canUpload: false,
      remainingDailyVideos: 0,
      remainingDailyBytes: 0,
      message: 'Daily limit reached',
    };
    expect(
      await rejection(connector.publish(credentials, { text: 'b', media: [videoItem(net.video)] })),
    ).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 3600 },
    });
    expect(net.video.calls('app.bsky.video.uploadVideo')).toHaveLength(0);
  });

  it('readLimits turns the allowance into run-time limits', async () => {
    const { net, connector, credentials } = await setUp();
    expect(await connector.readLimits?.(credentials)).toEqual({ maxVideoBytes: 100_000_000 });
    net.world.uploadLimits = { canUpload: true, remainingDailyVideos: 3, remainingDailyBytes: 42_000_000 };
    expect(await connector.readLimits?.(credentials)).toEqual({ maxVideoBytes: 42_000_000 });
    net.world.uploadLimits = { canUpload: false, remainingDailyVideos: 0, remainingDailyBytes: 0 };
    expect(await connector.readLimits?.(credentials)).toEqual({ maxVideos: 0 });
  });
});

describe('Bluesky video uploaded directly to the PDS', () => {
  it('uploads an mp4 as a blob and embeds it; other formats need the video service', async () => {
    const { net, connector, credentials } = await setUp({ videoUpload: 'direct' });
    const published = await connector.publish(credentials, { text: 'Direct', media: [videoItem(net.pds)] });
    const [upload] = net.pds.calls('com.atproto.repo.uploadBlob');
    expect(upload?.headers['content-type']).toBe('video/mp4');
    expect(net.world.records.get(published.platformPostId)?.value.embed).toMatchObject({
      $type: 'app.bsky.embed.video',
      video: { $type: 'blob', mimeType: 'video/mp4', size: mp4.length },
    });
    expect(net.video.requests).toHaveLength(0);
    expect(await connector.readLimits?.(credentials)).toEqual({});

    const webm = videoItem(net.pds, { mimeType: 'video/webm' });
    expect((await rejection(connector.publish(credentials, { text: 'x', media: [webm] }))).kind).toBe(
      'permanent',
    );
  });
});
