import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3MediaStore } from '../../functions/adapters/aws/s3-media-store';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import { judgeStoredUpload } from '../../functions/core/media/judge-upload';
import type { PresignedUpload } from '../../functions/core/ports';
import { makePng } from '../core/media/images';
import { describeMediaStoreContract } from './contracts/media-store-contract';
import { startS3rver } from './support/s3rver-server';

const BUCKET = 'plume-media';
let server: Awaited<ReturnType<typeof startS3rver>>;
beforeAll(async () => {
  server = await startS3rver(BUCKET);
});
afterAll(async () => server?.stop());

const storeAt = (clock = new ManualClock()) => new S3MediaStore(server.client, BUCKET, clock);

/** The S3 adapter and the real SDK against a real S3-compatible HTTP server, not a fake client. */
describeMediaStoreContract('S3MediaStore on s3rver', (clock) => storeAt(clock));

/** POSTs a form the way a browser's fetch(FormData) does: every field, then the file last. */
async function postAsBrowser(upload: PresignedUpload, bytes: Uint8Array, fields = upload.fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes]), 'upload.bin');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  return { status: response.status, body: await response.text() };
}

describe('S3MediaStore on s3rver: browser uploads', () => {
  const reserve = (store: S3MediaStore, key: string, contentType: string, maxBytes: number) =>
    store.createUpload({ key, contentType, maxBytes, expiresInSeconds: 900 });

  it("stores a browser's multipart POST of the adapter's form under its key and content type", async () => {
    const store = storeAt();
    const png = await makePng(12, 9);
    const upload = await reserve(store, 'org-1/media/m1/original.png', 'image/png', png.length);
    expect(new URL(upload.url).pathname).toBe(`/${BUCKET}`);
    expect(await postAsBrowser(upload, png)).toEqual({ status: 204, body: '' });
    expect(await store.head('org-1/media/m1/original.png')).toEqual({
      key: 'org-1/media/m1/original.png',
      size: png.length,
      contentType: 'image/png',
    });
    expect(await store.get('org-1/media/m1/original.png')).toEqual(png);
    // The download link the library shows serves exactly those bytes.
    const download = await fetch(await store.getDownloadUrl('org-1/media/m1/original.png', 300));
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
  });

  /**
   * The limits of this stand-in, asserted so the README's claim stays true: s3rver stores
   * forms that S3 refuses by the policy (size range, content type, key) and takes any
   * signature. If a release starts enforcing them, this test fails and the README changes.
   */
  it('does not enforce the POST policy: S3 would refuse each of these, s3rver stores them', async () => {
    const store = storeAt();
    const upload = await reserve(store, 'org-1/media/m2/original.png', 'image/png', 10);
    expect((await postAsBrowser(upload, new Uint8Array(11))).status).toBe(204); // over the range
    expect((await postAsBrowser(upload, new Uint8Array(0))).status).toBe(204); // under it
    const wrongType = { ...upload.fields, 'Content-Type': 'text/html' };
    expect((await postAsBrowser(upload, new Uint8Array(4), wrongType)).status).toBe(204);
    expect((await store.head('org-1/media/m2/original.png'))?.contentType).toBe('text/html');
    const elsewhere = { ...upload.fields, key: 'org-2/media/planted.png' };
    expect((await postAsBrowser(upload, new Uint8Array(4), elsewhere)).status).toBe(204);
    expect(await store.head('org-2/media/planted.png')).toBeDefined();
    const forged = { ...upload.fields, 'X-Amz-Signature': '0'.repeat(64) };
    expect((await postAsBrowser(upload, new Uint8Array(4), forged)).status).toBe(204);
  });

  /**
   * What Plume does when storage lets a bad upload through (as s3rver does): `complete` judges
   * the stored object itself, so nothing that breaks the form's rules becomes a ready file.
   */
  it('refuses at complete what the store let through: size, content, emptiness, another key', async () => {
    const store = storeAt();
    const png = await makePng(8, 8);
    const pending = (key: string, sizeBytes: number) => ({ s3Key: key, mimeType: 'image/png', sizeBytes });

    const bigger = await reserve(store, 'org-1/media/a/original.png', 'image/png', png.length - 1);
    await postAsBrowser(bigger, png);
    expect(await judgeStoredUpload(store, pending(bigger.key, png.length - 1))).toMatchObject({
      verdict: 'refused',
      reason: 'size_mismatch',
    });

    const text = new TextEncoder().encode('not a picture');
    const renamed = await reserve(store, 'org-1/media/b/original.png', 'image/png', text.length);
    await postAsBrowser(renamed, text);
    expect(await judgeStoredUpload(store, pending(renamed.key, text.length))).toMatchObject({
      verdict: 'refused',
      reason: 'unrecognised',
    });

    const empty = await reserve(store, 'org-1/media/c/original.png', 'image/png', 100);
    await postAsBrowser(empty, new Uint8Array());
    expect(await judgeStoredUpload(store, pending(empty.key, 100))).toMatchObject({
      verdict: 'refused',
      reason: 'empty',
      message: 'The file is empty.',
    });

    const moved = await reserve(store, 'org-1/media/d/original.png', 'image/png', png.length);
    await postAsBrowser(moved, png, { ...moved.fields, key: 'org-1/media/d/elsewhere.png' });
    expect(await judgeStoredUpload(store, pending(moved.key, png.length))).toEqual({ verdict: 'missing' });

    const honest = await reserve(store, 'org-1/media/e/original.png', 'image/png', png.length);
    await postAsBrowser(honest, png);
    expect(await judgeStoredUpload(store, pending(honest.key, png.length))).toEqual({
      verdict: 'accepted',
      content: { mimeType: 'image/png', width: 8, height: 8 },
    });
  });
});
