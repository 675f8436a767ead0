import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { S3MediaStore } from '../../functions/adapters/aws/s3-media-store';
import { FileMediaStore } from '../../functions/adapters/local/file-media-store';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { describeMediaStoreContract } from './contracts/media-store-contract';
import { fakeS3 } from './support/fake-s3';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plume-media-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let dirCount = 0;
const newFileStore = (clock: ManualClock, signingKey = randomBytes(32)): FileMediaStore =>
  new FileMediaStore({
    dataDir: join(root, String((dirCount += 1))),
    publicUrl: 'http://localhost:3000',
    signingKey,
    clock,
  });

describeMediaStoreContract('FileMediaStore', (clock) => newFileStore(clock));
describeMediaStoreContract(
  'S3MediaStore',
  (clock) => new S3MediaStore(fakeS3().client, 'plume-media', clock),
);

describe('S3MediaStore and S3', () => {
  beforeEach(() => {
    // createPresignedPost and the URL presigner read the system time.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-01T12:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('presigns a POST whose policy pins bucket, key, content type and size range', async () => {
    const store = new S3MediaStore(
      fakeS3().client,
      'plume-media',
      new ManualClock('2025-06-01T12:00:00.000Z'),
    );
    const upload = await store.createUpload({
      key: 'org-1/media/photo.jpg',
      contentType: 'image/jpeg',
      maxBytes: 5_000_000,
      expiresInSeconds: 900,
    });
    expect(upload.url).toBe('https://plume-media.s3.eu-west-1.amazonaws.com/');
    const { Policy, ...fields } = upload.fields;
    expect(fields).toEqual({
      bucket: 'plume-media',
      key: 'org-1/media/photo.jpg',
      'Content-Type': 'image/jpeg',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAEXAMPLE/20250601/eu-west-1/s3/aws4_request',
      'X-Amz-Date': '20250601T120000Z',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const policy = JSON.parse(Buffer.from(Policy ?? '', 'base64').toString('utf8'));
    expect(policy).toEqual({
      expiration: '2025-06-01T12:15:00Z',
      conditions: [
        ['content-length-range', 1, 5_000_000],
        { 'Content-Type': 'image/jpeg' },
        { bucket: 'plume-media' },
        { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
        { 'X-Amz-Credential': 'AKIAEXAMPLE/20250601/eu-west-1/s3/aws4_request' },
        { 'X-Amz-Date': '20250601T120000Z' },
        { key: 'org-1/media/photo.jpg' },
      ],
    });
    // SigV4 for POST: the signature is an HMAC of the base64 policy with the derived key.
    const hmac = (key: string | Buffer, data: string): Buffer =>
      createHmac('sha256', key).update(data).digest();
    const signingKey = hmac(hmac(hmac(hmac('AWS4secret', '20250601'), 'eu-west-1'), 's3'), 'aws4_request');
    expect(fields['X-Amz-Signature']).toBe(
      createHmac('sha256', signingKey)
        .update(Policy ?? '')
        .digest('hex'),
    );
  });

  it('presigns a GET that expires', async () => {
    const store = new S3MediaStore(fakeS3().client, 'plume-media', new ManualClock());
    const url = new URL(await store.getDownloadUrl('org-1/media/my photo.jpg', 300));
    expect(url.host).toBe('plume-media.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe('/org-1/media/my%20photo.jpg');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20250601T120000Z');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('sends the exact object commands', async () => {
    const { client, mock } = fakeS3();
    const store = new S3MediaStore(client, 'plume-media', new ManualClock());
    await store.put('k.txt', 'hi', 'text/plain');
    await store.get('k.txt');
    await store.head('k.txt');
    await store.delete('k.txt');
    expect(mock.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'plume-media',
      Key: 'k.txt',
      Body: 'hi',
      ContentType: 'text/plain',
    });
    for (const command of [GetObjectCommand, HeadObjectCommand, DeleteObjectCommand]) {
      expect(mock.commandCalls(command)[0]?.args[0].input).toEqual({ Bucket: 'plume-media', Key: 'k.txt' });
    }
  });
});

describe('FileMediaStore local upload and download endpoints', () => {
  let clock: ManualClock;
  let store: FileMediaStore;

  beforeEach(() => {
    clock = new ManualClock('2025-06-01T12:00:00.000Z');
    store = newFileStore(clock);
  });

  /** Encodes a form the way a browser's fetch(FormData) does. */
  async function post(fields: Record<string, string>, file?: Uint8Array | string, target = store) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file !== undefined) form.append('file', new Blob([file]), 'upload.bin');
    const request = new Request('http://localhost:3000/_local/media-upload', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    return target.handleLocalMediaUpload({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      body,
    });
  }

  const newUpload = () =>
    store.createUpload({
      key: 'org-1/media/a.png',
      contentType: 'image/png',
      maxBytes: 10,
      expiresInSeconds: 60,
    });

  it('returns a presigned-POST-shaped form aimed at the local endpoint', async () => {
    const upload = await newUpload();
    expect(upload.url).toBe('http://localhost:3000/_local/media-upload');
    expect(Object.keys(upload.fields).sort()).toEqual(['Content-Type', 'key', 'policy', 'x-plume-signature']);
  });

  it('stores a valid upload and answers 204 like S3', async () => {
    const upload = await newUpload();
    const response = await post(upload.fields, new Uint8Array([1, 2, 3]));
    expect(response.statusCode).toBe(204);
    expect(await store.get('org-1/media/a.png')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.head('org-1/media/a.png')).toEqual({
      key: 'org-1/media/a.png',
      size: 3,
      contentType: 'image/png',
    });
  });

  it('accepts exactly the maximum size and refuses one byte more or an empty file (400)', async () => {
    const upload = await newUpload();
    expect((await post(upload.fields, new Uint8Array(10))).statusCode).toBe(204);
    const tooLarge = await post(upload.fields, new Uint8Array(11));
    expect(tooLarge.statusCode).toBe(400);
    expect(String(tooLarge.body)).toContain('<Code>EntityTooLarge</Code>');
    const empty = await post(upload.fields, new Uint8Array(0));
    expect(empty.statusCode).toBe(400);
    expect(String(empty.body)).toContain('<Code>EntityTooSmall</Code>');
  });

  it('refuses an expired policy (403)', async () => {
    const upload = await newUpload();
    clock.advance(60_000);
    const response = await post(upload.fields, 'x');
    expect(response.statusCode).toBe(403);
    expect(String(response.body)).toContain('Policy expired');
    expect(await store.head('org-1/media/a.png')).toBeUndefined();
  });

  it('refuses a changed key, content type, policy or signature, and extra fields (403)', async () => {
    const upload = await newUpload();
    const cases: Record<string, string>[] = [
      { ...upload.fields, key: 'org-2/media/a.png' },
      { ...upload.fields, 'Content-Type': 'text/html' },
      { ...upload.fields, 'x-plume-signature': 'forged' },
      {
        ...upload.fields,
        policy: Buffer.from(
          '{"key":"org-1/media/a.png","contentType":"image/png","maxBytes":999999999,"expiresAt":9999999999}',
        ).toString('base64url'),
      },
      { ...upload.fields, acl: 'public-read' },
    ];
    for (const fields of cases) {
      expect((await post(fields, 'x')).statusCode).toBe(403);
    }
    const other = newFileStore(clock);
    expect((await post(upload.fields, 'x', other)).statusCode).toBe(403);
    expect(await store.head('org-2/media/a.png')).toBeUndefined();
    expect(await store.head('org-1/media/a.png')).toBeUndefined();
  });

  it('refuses a form without a file or a body that is not multipart (400)', async () => {
    const upload = await newUpload();
    expect((await post(upload.fields)).statusCode).toBe(400);
    const notMultipart = await store.handleLocalMediaUpload({
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    });
    expect(notMultipart.statusCode).toBe(400);
  });

  it('refuses keys that would escape the media folder', async () => {
    for (const key of ['../secrets.json', 'a/../../b', '/etc/passwd', 'a\\b', '', 'a//b']) {
      await expect(store.put(key, 'x', 'text/plain')).rejects.toThrow(/Invalid media key/);
    }
  });

  it('serves a signed download until it expires, and refuses forged links', async () => {
    await store.put('org-1/media/my photo.png', new Uint8Array([9, 9]), 'image/png');
    const url = await store.getDownloadUrl('org-1/media/my photo.png', 300);
    expect(url).toMatch(
      /^http:\/\/localhost:3000\/_local\/media\/org-1\/media\/my%20photo\.png\?expires=\d+&sig=/,
    );
    expect(store.verifyLocalDownload(url)).toBe('org-1/media/my photo.png');
    const ok = await store.handleLocalMediaDownload(url);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect(ok.body).toEqual(Buffer.from([9, 9]));

    const forged = url.replace('my%20photo', 'other');
    expect(store.verifyLocalDownload(forged)).toBeUndefined();
    expect((await store.handleLocalMediaDownload(forged)).statusCode).toBe(403);
    const extended = url.replace(/expires=\d+/, 'expires=9999999999');
    expect(store.verifyLocalDownload(extended)).toBeUndefined();

    clock.advance(300_000);
    expect(store.verifyLocalDownload(url)).toBeUndefined();
    expect((await store.handleLocalMediaDownload(url)).statusCode).toBe(403);
  });

  it('answers 404 for a genuine link to a deleted object', async () => {
    await store.put('org-1/gone.txt', 'x', 'text/plain');
    const url = await store.getDownloadUrl('org-1/gone.txt', 60);
    await store.delete('org-1/gone.txt');
    expect((await store.handleLocalMediaDownload(url)).statusCode).toBe(404);
  });

  it('keeps objects under <dataDir>/media', async () => {
    const dataDir = join(root, 'layout');
    const local = new FileMediaStore({
      dataDir,
      publicUrl: 'http://localhost:3000',
      signingKey: randomBytes(32),
      clock,
    });
    await local.put('org-1/a.txt', 'x', 'text/plain');
    expect((await readdir(join(dataDir, 'media'))).sort()).toEqual(['metadata', 'objects']);
  });
});
