import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../functions/platforms/connector';
import { createLinkedInConnector } from '../../../functions/platforms/linkedin';
import { linkedinTestContext, memberCredentials, mediaFile } from '../support/linkedin-context';
import {
  COMMENT_URN,
  ORGANIZATION_URN,
  POST_URN,
  VALID_TOKEN,
  linkedinErrors,
  startLinkedInStandin,
  type LinkedInStandin,
} from '../support/linkedin-standin';

let standin: LinkedInStandin;
const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(async () => {
  standin = await startLinkedInStandin();
  sleeps.length = 0;
});
afterEach(() => standin.close());

function connector(timeoutMs?: number) {
  return createLinkedInConnector(linkedinTestContext(standin, timeoutMs), {
    sleep,
    videoPollIntervalMs: 1_000,
    videoPollAttempts: 3,
  });
}

async function publishError(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

const expectRestHeaders = (headers: Record<string, string | string[] | undefined>) => {
  expect(headers.authorization).toBe(`Bearer ${VALID_TOKEN}`);
  expect(headers['linkedin-version']).toMatch(/^\d{6}$/);
  expect(headers['x-restli-protocol-version']).toBe('2.0.0');
};

describe('LinkedIn publish', () => {
  it('creates a member text post with escaped little text and reads the URN from x-restli-id', async () => {
    const result = await connector().publish(memberCredentials(), {
      text: 'Launch (beta) at 10am #Plume_launch with @ada & C# fans',
      media: [],
      options: { visibility: 'CONNECTIONS' },
    });

    expect(result).toEqual({
      platformPostId: POST_URN,
      url: `https://www.linkedin.com/feed/update/${POST_URN}/`,
    });
    const [request] = standin.find('POST /rest/posts');
    expectRestHeaders(request!.headers);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.json).toEqual({
      author: 'urn:li:person:abc123',
      commentary: 'Launch \\(beta\\) at 10am #Plume\\_launch with \\@ada & C\\# fans',
      visibility: 'CONNECTIONS',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
  });

  it('posts as an organization with one image: initializeUpload, PUT bytes, then media content', async () => {
    const image = mediaFile(standin, 'chart.png', Buffer.from('PNGDATA'), { altText: 'Quarterly chart' });
    await connector().publish(memberCredentials({ accountId: ORGANIZATION_URN }), {
      text: 'Q3',
      media: [image],
    });

    const [init] = standin.find('POST /rest/images');
    expect(init!.query.get('action')).toBe('initializeUpload');
    expectRestHeaders(init!.headers);
    expect(init!.json).toEqual({ initializeUploadRequest: { owner: ORGANIZATION_URN } });
    const [upload] = standin.find('PUT /dms-uploads/image-1');
    expect(upload!.body.toString()).toBe('PNGDATA');
    expect(upload!.headers.authorization).toBe(`Bearer ${VALID_TOKEN}`);
    expect(upload!.headers['content-type']).toBe('image/png');
    const [post] = standin.find('POST /rest/posts');
    expect(post!.json).toMatchObject({
      author: ORGANIZATION_URN,
      visibility: 'PUBLIC',
      content: { media: { id: 'urn:li:image:C4E10AQ1', altText: 'Quarterly chart' } },
    });
    // The upload finished before the post referenced it.
    expect(standin.requests.indexOf(upload!)).toBeLessThan(standin.requests.indexOf(post!));
  });

  it('sends several images as a multiImage post in order', async () => {
    const media = ['a', 'b', 'c'].map((name) =>
      mediaFile(standin, `${name}.jpg`, Buffer.from(name), { mimeType: 'image/jpeg' }),
    );
    await connector().publish(memberCredentials(), { text: 'Gallery', media });

    expect(standin.find('PUT /dms-uploads/image-2')[0]!.body.toString()).toBe('b');
    expect(standin.find('POST /rest/posts')[0]!.json).toMatchObject({
      content: {
        multiImage: {
          images: [
            { id: 'urn:li:image:C4E10AQ1' },
            { id: 'urn:li:image:C4E10AQ2' },
            { id: 'urn:li:image:C4E10AQ3' },
          ],
        },
      },
    });
  });

  it('uploads a video in the parts LinkedIn assigns, finalizes with their etags and waits for processing', async () => {
    const video = mediaFile(standin, 'clip.mp4', Buffer.from('0123456789'), {
      kind: 'video',
      mimeType: 'video/mp4',
    });
    await connector().publish(memberCredentials(), { text: 'Watch', media: [video] });

    const [init] = standin
      .find('POST /rest/videos')
      .filter((request) => request.query.get('action') === 'initializeUpload');
    expect(init!.json).toEqual({
      initializeUploadRequest: {
        owner: 'urn:li:person:abc123',
        fileSizeBytes: 10,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    });
    const parts = standin.requests.filter((request) => request.path.startsWith('/dms-uploads/video-1/'));
    expect(parts.map((part) => part.body.toString())).toEqual(['0123', '4567', '89']);
    expect(parts.every((part) => part.headers['content-type'] === 'application/octet-stream')).toBe(true);
    const [finalize] = standin
      .find('POST /rest/videos')
      .filter((request) => request.query.get('action') === 'finalizeUpload');
    expect(finalize!.json).toEqual({
      finalizeUploadRequest: {
        video: 'urn:li:video:C5F10AQ1',
        uploadToken: 'token-1',
        uploadedPartIds: ['"etag-part-1"', '"etag-part-2"', '"etag-part-3"'],
      },
    });
    const polls = standin.find(`GET /rest/videos/${encodeURIComponent('urn:li:video:C5F10AQ1')}`);
    expect(polls).toHaveLength(2); // PROCESSING, then AVAILABLE
    expect(sleeps).toEqual([1_000]);
    expect(standin.find('POST /rest/posts')[0]!.json).toMatchObject({
      content: { media: { id: 'urn:li:video:C5F10AQ1' } },
    });
  });

  it('fails permanently before posting when LinkedIn cannot process the video', async () => {
    standin.videoStatuses = ['PROCESSING', 'PROCESSING_FAILED'];
    const video = mediaFile(standin, 'bad.mp4', Buffer.from('0123456789'), {
      kind: 'video',
      mimeType: 'video/mp4',
    });
    const error = await publishError(connector().publish(memberCredentials(), { text: 'x', media: [video] }));

    expect(error.kind).toBe('permanent');
    expect(error.message).toContain('Invalid codec');
    expect(standin.find('POST /rest/posts')).toHaveLength(0);
  });

  it('posts a video still processing after the wait budget, logging it', async () => {
    standin.videoStatuses = ['PROCESSING'];
    const context = linkedinTestContext(standin);
    const video = mediaFile(standin, 'big.mp4', Buffer.from('0123456789'), {
      kind: 'video',
      mimeType: 'video/mp4',
    });
    await createLinkedInConnector(context, {
      sleep,
      videoPollIntervalMs: 1_000,
      videoPollAttempts: 3,
    }).publish(memberCredentials(), { text: 'x', media: [video] });

    expect(
      standin.requests.filter(
        (request) => request.method === 'GET' && request.path.startsWith('/rest/videos/'),
      ),
    ).toHaveLength(3);
    expect(sleeps).toEqual([1_000, 1_000]);
    expect(standin.find('POST /rest/posts')).toHaveLength(1);
    expect(context.logs.some((log) => log.level === 'warn' && log.message.includes('still processing'))).toBe(
      true,
    );
  });

  it('posts the first comment as the author and returns its URN', async () => {
    const result = await connector().publish(memberCredentials({ accountId: ORGANIZATION_URN }), {
      text: 'Main',
      media: [],
      firstComment: 'Link: https://plume.example (details)',
    });

    expect(result.followUpIds).toEqual([COMMENT_URN]);
    const [comment] = standin.find(`POST /rest/socialActions/${encodeURIComponent(POST_URN)}/comments`);
    expect(comment!.rawUrl).toBe(`/rest/socialActions/${encodeURIComponent(POST_URN)}/comments`);
    expectRestHeaders(comment!.headers);
    expect(comment!.json).toEqual({
      actor: ORGANIZATION_URN,
      object: POST_URN,
      message: { text: 'Link: https://plume.example \\(details\\)' },
    });
  });

  it('keeps the post when the first comment fails and reports a warning instead of failing', async () => {
    standin.override(
      `POST /rest/socialActions/${encodeURIComponent(POST_URN)}/comments`,
      linkedinErrors.forbidden,
    );
    const result = await connector().publish(memberCredentials(), {
      text: 'Main',
      media: [],
      firstComment: 'Hi',
    });

    expect(result.platformPostId).toBe(POST_URN);
    expect(result.followUpIds).toBeUndefined();
    expect(result.warnings?.[0]).toContain('Not enough permissions');
  });

  it('maps an expired token to auth with LinkedIn code and message', async () => {
    const error = await publishError(
      connector().publish(memberCredentials({ accessToken: 'stale' }), { text: 'x', media: [] }),
    );
    expect(error.kind).toBe('auth');
    expect(error.details).toMatchObject({ status: 401, platformCode: 'EXPIRED_ACCESS_TOKEN' });
    expect(error.message).toContain('The token used in the request has expired');
  });

  it('maps 429 to rate_limited honouring Retry-After', async () => {
    standin.override('POST /rest/posts', linkedinErrors.throttled('120'));
    const error = await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }));
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterSeconds).toBe(120);
  });

  it('maps 500 to transient and 504 on the create to unknown_outcome', async () => {
    standin.override('POST /rest/posts', linkedinErrors.serverError);
    expect(
      (await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }))).kind,
    ).toBe('transient');
    standin.override('POST /rest/posts', linkedinErrors.gatewayTimeout);
    expect(
      (await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }))).kind,
    ).toBe('unknown_outcome');
  });

  it('maps permission and duplicate refusals to permanent with the platform code', async () => {
    standin.override('POST /rest/posts', linkedinErrors.forbidden);
    const forbidden = await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }));
    expect(forbidden).toMatchObject({
      kind: 'permanent',
      details: { status: 403, platformCode: 'ACCESS_DENIED' },
    });
    standin.override('POST /rest/posts', linkedinErrors.duplicate);
    const duplicate = await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }));
    expect(duplicate).toMatchObject({
      kind: 'permanent',
      details: { status: 422, platformCode: 'DUPLICATE_POST' },
    });
  });

  it('turns a post create that times out into unknown_outcome', async () => {
    standin.override('POST /rest/posts', { status: 201, headers: { 'x-restli-id': POST_URN }, delayMs: 600 });
    const error = await publishError(connector(150).publish(memberCredentials(), { text: 'x', media: [] }));
    expect(error.kind).toBe('unknown_outcome');
  });

  it('treats a slow media registration (nothing posted yet) as transient', async () => {
    standin.override('POST /rest/images', { status: 200, body: {}, delayMs: 600 });
    const image = mediaFile(standin, 'slow.png', Buffer.from('x'));
    const error = await publishError(
      connector(150).publish(memberCredentials(), { text: 'x', media: [image] }),
    );
    expect(error.kind).toBe('transient');
    expect(standin.find('POST /rest/posts')).toHaveLength(0);
  });

  it('treats a 201 without x-restli-id as unknown_outcome (the post exists)', async () => {
    standin.override('POST /rest/posts', { status: 201 });
    expect(
      (await publishError(connector().publish(memberCredentials(), { text: 'x', media: [] }))).kind,
    ).toBe('unknown_outcome');
  });

  it('fails permanently when a media file is gone, before anything reaches LinkedIn', async () => {
    const missing = {
      id: 'gone',
      kind: 'image' as const,
      mimeType: 'image/png',
      bytes: 1,
      url: `${standin.url}/media/gone.png`,
    };
    const error = await publishError(
      connector().publish(memberCredentials(), { text: 'x', media: [missing] }),
    );
    expect(error.kind).toBe('permanent');
    expect(standin.requests.filter((request) => request.path.startsWith('/rest/'))).toHaveLength(0);
  });
});
