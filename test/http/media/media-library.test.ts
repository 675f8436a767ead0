import { and, count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readImageSize } from '../../../functions/core/media/image-size';
import { auditLogs, media, postPlatforms, posts, socialAccounts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { optimizeMedia } from '../../../functions/jobs/media-optimize';
import { makeJpeg, makePng } from '../../core/media/images';
import { videoFixture } from '../../core/media/mp4';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

interface Media {
  id: string;
  fileName: string | null;
  mimeType: string;
  kind: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  status: string;
  url: string | null;
  networks: string[];
  usage: Array<{ postId: string; status: string }>;
  variants: Record<
    string,
    { mimeType: string; sizeBytes: number; width?: number; height?: number; url: string }
  >;
}
interface UploadAnswer {
  media: Media;
  upload: { url: string; fields: Record<string, string>; expiresAt: string };
}
interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

/** Sends the file to the presigned form exactly as a browser does: every field, then the file. */
async function postForm(upload: UploadAnswer['upload'], bytes: Uint8Array, type: string): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type }), 'upload.bin');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}

describe('media library over HTTP', () => {
  let env: Env;
  let admin: TestClient;
  let organizationId: string;
  let userId: string;

  beforeAll(async () => {
    env = await startIdentityRuntime();
    let email: string;
    ({ client: admin, organizationId, userId, email } = await env.signUp());
    await env.verify(email, admin); // inviting the viewer needs a verified admin
  });
  afterAll(async () => env?.stop());

  const mediaCount = async (orgId = organizationId) => {
    const [row] = await withSystem(env.runtime.container.db, (tx) =>
      tx.select({ n: count() }).from(media).where(eq(media.organizationId, orgId)),
    );
    return row!.n;
  };

  /** Access tokens expire when the clock jumps; the refresh cookie gets a new one. */
  async function refresh(client: TestClient) {
    const response = await client.post<{ accessToken: string }>('/api/auth/refresh');
    expect(response.status).toBe(200);
    client.accessToken = response.body.accessToken;
  }

  async function uploadFile(client: TestClient, bytes: Uint8Array, contentType: string, fileName = 'photo') {
    const started = await client.post<UploadAnswer>('/api/media/upload', {
      fileName,
      contentType,
      size: bytes.length,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(await postForm(started.body.upload, bytes, contentType)).toBe(204);
    return started.body;
  }

  /** A post with one target on a sandbox account, using the media row. */
  async function postUsing(mediaId: string, targetStatus: 'draft' | 'scheduled' | 'published') {
    return withSystem(env.runtime.container.db, async (tx) => {
      const [account] = await tx
        .insert(socialAccounts)
        .values({ organizationId, userId, platform: 'sandbox', accountId: `sandbox-${crypto.randomUUID()}` })
        .returning();
      const [post] = await tx
        .insert(posts)
        .values({
          organizationId,
          userId,
          content: 'Look at this',
          mediaIds: [mediaId],
          status: targetStatus,
        })
        .returning();
      const [target] = await tx
        .insert(postPlatforms)
        .values({ organizationId, postId: post!.id, socialAccountId: account!.id, status: targetStatus })
        .returning();
      return { postId: post!.id, targetId: target!.id };
    });
  }

  it('uploads straight to storage, confirms, lists with usage, renames, optimizes and deletes', async () => {
    const png = await makePng(600, 400);
    const started = await admin.post<UploadAnswer>('/api/media/upload', {
      fileName: 'Launch day.png',
      contentType: 'image/png',
      size: png.length,
    });
    expect(started.status).toBe(201);
    expect(started.body.media).toMatchObject({
      status: 'pending',
      url: null,
      sizeBytes: png.length,
      kind: 'image',
    });
    expect(new URL(started.body.upload.url).pathname).toBe('/_local/media-upload');

    // Confirming before the bytes arrive is refused and changes nothing.
    const early = await admin.post<Problem>(`/api/media/${started.body.media.id}/complete`);
    expect(early.status).toBe(409);

    expect(await postForm(started.body.upload, png, 'image/png')).toBe(204);
    // Browsers hear of each change (the real local realtime, observed).
    const broadcast = vi.spyOn(env.runtime.container.realtime, 'broadcast');
    const confirmed = await admin.post<Media>(`/api/media/${started.body.media.id}/complete`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'ready',
      width: 600,
      height: 400,
      fileName: 'Launch day.png',
    });
    expect(confirmed.body.networks).toEqual(expect.arrayContaining(['bluesky', 'twitter', 'linkedin']));
    expect(confirmed.body.networks).not.toContain('instagram'); // JPEG only
    // The link serves the stored bytes.
    const download = await fetch(confirmed.body.url!);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    // Confirming twice answers the same file.
    expect((await admin.post<Media>(`/api/media/${started.body.media.id}/complete`)).body.status).toBe(
      'ready',
    );

    const id = confirmed.body.id;
    const { postId, targetId } = await postUsing(id, 'scheduled');
    const listed = await admin.get<{ items: Media[]; total: number }>('/api/media?kind=image&usage=used');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m) => m.id)).toEqual([id]);
    expect(listed.body.items[0]!.usage).toEqual([expect.objectContaining({ postId, status: 'scheduled' })]);
    expect(
      (await admin.get<{ items: Media[] }>('/api/media?usage=unused')).body.items.map((m) => m.id),
    ).not.toContain(id);
    expect((await admin.get<{ items: Media[] }>('/api/media?kind=video')).body.items).toEqual([]);
    expect(
      (await admin.get<{ items: Media[] }>('/api/media?search=launch')).body.items.map((m) => m.id),
    ).toEqual([id]);
    expect((await admin.get<{ items: Media[] }>('/api/media?search=%25')).body.items).toEqual([]); // % is literal

    const renamed = await admin.put<Media>(`/api/media/${id}`, {
      fileName: 'Launch.png',
      altText: 'A gradient',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ fileName: 'Launch.png', altText: 'A gradient' });
    // Fields left out stay as they are.
    expect((await admin.put<Media>(`/api/media/${id}`, {})).body).toMatchObject({
      fileName: 'Launch.png',
      altText: 'A gradient',
    });

    const optimizing = await admin.post<Media>(`/api/media/${id}/optimize`);
    expect(optimizing.status).toBe(202);
    expect(optimizing.body.status).toBe('processing');
    await env.runtime.queue.drained();
    const [optimized] = (await admin.get<{ items: Media[] }>('/api/media?search=Launch')).body.items;
    expect(optimized!.status).toBe('ready');
    expect(Object.keys(optimized!.variants).sort()).toEqual([
      'feed-jpeg',
      'feed-webp',
      'instagram-portrait',
      'instagram-square',
      'thumbnail',
    ]);
    expect(broadcast.mock.calls.map(([org, message]) => [org, message.type])).toEqual([
      [organizationId, 'media.ready'],
      [organizationId, 'media.optimized'],
    ]);
    broadcast.mockRestore();
    const square = optimized!.variants['instagram-square']!;
    expect(square).toMatchObject({ mimeType: 'image/jpeg', width: 400, height: 400 });
    const squareBytes = new Uint8Array(await (await fetch(square.url)).arrayBuffer());
    expect(readImageSize(squareBytes)).toEqual({ width: 400, height: 400, mimeType: 'image/jpeg' });
    expect(squareBytes.length).toBe(square.sizeBytes);
    expect(optimized!.variants['feed-webp']).toMatchObject({
      mimeType: 'image/webp',
      width: 600,
      height: 400,
    });
    expect(optimized!.variants['thumbnail']).toMatchObject({
      mimeType: 'image/webp',
      width: 320,
      height: 213,
    });

    const usage = await admin.get<{
      usedBytes: number;
      variantBytes: number;
      fileCount: number;
      quotaBytes: number;
      byKind: Array<{ kind: string; count: number; bytes: number }>;
    }>('/api/media/storage-usage');
    expect(usage.status).toBe(200);
    const variantBytes = Object.values(optimized!.variants).reduce((sum, v) => sum + v.sizeBytes, 0);
    expect(usage.body).toMatchObject({
      fileCount: 1,
      variantBytes,
      usedBytes: png.length + variantBytes,
      quotaBytes: 2 * 1024 ** 3,
    });
    expect(usage.body.byKind).toContainEqual({ kind: 'image', count: 1, bytes: png.length + variantBytes });

    // A scheduled target uses it: deleting would break that post at its hour.
    const refused = await admin.delete<Problem>(`/api/media/${id}`);
    expect(refused.status).toBe(409);
    expect(await mediaCount()).toBe(1);
    await withSystem(env.runtime.container.db, (tx) =>
      tx.update(postPlatforms).set({ status: 'cancelled' }).where(eq(postPlatforms.id, targetId)),
    );
    expect((await admin.delete(`/api/media/${id}`)).status).toBe(204);
    expect(await mediaCount()).toBe(0);
    expect(await env.runtime.container.media.head(started.body.upload.fields.key!)).toBeUndefined();
    expect((await fetch(square.url)).status).toBe(404);
    expect((await admin.delete(`/api/media/${id}`)).status).toBe(404);
  });

  it('refuses an unknown type, an oversized file and an empty or unknown field, writing nothing', async () => {
    const before = await mediaCount();
    const pdf = await admin.post<Problem>('/api/media/upload', {
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(pdf.status).toBe(400);
    expect(pdf.body.errors?.map((e) => e.field)).toContain('body.contentType');
    const huge = await admin.post<Problem>('/api/media/upload', {
      fileName: 'a.png',
      contentType: 'image/png',
      size: 21 * 1024 * 1024,
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors?.map((e) => e.field)).toContain('body.size');
    const extra = await admin.post<Problem>('/api/media/upload', {
      fileName: 'a.png',
      contentType: 'image/png',
      size: 10,
      key: 'x',
    });
    expect(extra.status).toBe(400);
    expect(
      (await admin.post<Problem>('/api/media/upload', { fileName: '', contentType: 'image/png', size: 10 }))
        .status,
    ).toBe(400);
    expect(
      (await admin.put<Problem>(`/api/media/${crypto.randomUUID()}`, { altText: 'x'.repeat(5000) })).status,
    ).toBe(400);
    expect(
      (await admin.put<Problem>(`/api/media/${crypto.randomUUID()}`, { fileName: 'bad\u0007name' })).status,
    ).toBe(400);
    expect(await mediaCount()).toBe(before);
  });

  it('refuses a file larger than declared at the form, and records a misnamed one as what it is', async () => {
    const png = await makePng(40, 30);
    const started = await admin.post<UploadAnswer>('/api/media/upload', {
      fileName: 'small',
      contentType: 'image/png',
      size: png.length - 1,
    });
    expect(await postForm(started.body.upload, png, 'image/png')).toBe(400); // EntityTooLarge

    // A JPEG named and declared as a PNG is a JPEG: its content decides, and with it which
    // networks take the original (Instagram takes JPEG only).
    const jpeg = await makeJpeg(40, 30);
    const misnamed = await uploadFile(admin, jpeg, 'image/png', 'really a jpeg.png');
    expect(misnamed.media).toMatchObject({ mimeType: 'image/png', networks: [] });
    const confirmed = await admin.post<Media>(`/api/media/${misnamed.media.id}/complete`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ mimeType: 'image/jpeg', kind: 'image', width: 40, height: 30 });
    expect(confirmed.body.networks).toContain('instagram');

    // Smaller than declared: the form allows it (a range), confirmation does not.
    const short = await admin.post<UploadAnswer>('/api/media/upload', {
      fileName: 'short',
      contentType: 'image/png',
      size: png.length + 5,
    });
    expect(await postForm(short.body.upload, png, 'image/png')).toBe(204);
    const mismatch = await admin.post<Problem>(`/api/media/${short.body.media.id}/complete`);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.detail).toMatch(/^The file that arrived is \d+ bytes, not the \d+ bytes announced/);
  });

  it('refuses a text file renamed .png at confirmation: 422, failed, deleted, offered to no network, never posted', async () => {
    const notes = new TextEncoder().encode('Launch checklist\n- banner\n- balloons\n');
    const renamed = await uploadFile(admin, notes, 'image/png', 'launch.png');
    const refused = await admin.post<Problem>(`/api/media/${renamed.media.id}/complete`);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.code).toBe('media_unreadable');
    expect(refused.body.detail).toMatch(/^This file is not an image or a video/);
    expect(refused.body.errors).toEqual([{ field: 'file', message: refused.body.detail }]);
    // The row says so; the object is gone; no network is offered the file; no thumbnail link.
    const failed = await admin.get<Media>(`/api/media/${renamed.media.id}`);
    expect(failed.body).toMatchObject({ status: 'failed', url: null, networks: [], variants: {} });
    expect(await env.runtime.container.media.head(renamed.upload.fields.key!)).toBeUndefined();
    expect((await admin.post<Problem>(`/api/media/${renamed.media.id}/complete`)).status).toBe(409);
    expect((await admin.post<Problem>(`/api/media/${renamed.media.id}/optimize`)).status).toBe(409);
    // A post cannot attach it.
    const account = await admin.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: `renamed-${crypto.randomUUID().slice(0, 8)}`,
    });
    const post = await admin.post<Problem>('/api/posts', {
      content: 'With the checklist',
      mediaIds: [renamed.media.id],
      targets: [{ socialAccountId: account.body.account.id }],
    });
    expect(post.status).toBe(400);
    expect(post.body.errors?.map((e) => e.message)).toContain(
      `No such media, or its upload was not accepted: ${renamed.media.id}`,
    );
    // The audit log keeps why, and what the browser had claimed.
    const [audit] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, renamed.media.id), eq(auditLogs.action, 'upload_refused'))),
    );
    expect(audit!.newValues).toMatchObject({ reason: 'unrecognised', declaredType: 'image/png' });
  });

  it('says "The file is empty" for a 0-byte file, at the form and when an empty object arrives', async () => {
    const before = await mediaCount();
    const empty = await admin.post<Problem>('/api/media/upload', {
      fileName: 'empty.png',
      contentType: 'image/png',
      size: 0,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([{ field: 'body.size', message: 'The file is empty' }]);
    expect(await mediaCount()).toBe(before);
    // Storage that let an empty object through (S3 refuses it by the form's size range).
    const started = await admin.post<UploadAnswer>('/api/media/upload', {
      fileName: 'later-empty.png',
      contentType: 'image/png',
      size: 10,
    });
    await env.runtime.container.media.put(started.body.upload.fields.key!, new Uint8Array(), 'image/png');
    const refused = await admin.post<Problem>(`/api/media/${started.body.media.id}/complete`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'media_unreadable', detail: 'The file is empty.' });
  });

  it('refuses a type Plume cannot check (HEIC) at the form, saying what to do', async () => {
    const heic = await admin.post<Problem>('/api/media/upload', {
      fileName: 'IMG_0001.heic',
      contentType: 'image/heic',
      size: 1000,
    });
    expect(heic.status).toBe(400);
    expect(heic.body.errors?.[0]).toMatchObject({ field: 'body.contentType' });
    expect(heic.body.detail).toBe(
      'Plume cannot check a HEIC image yet. Convert it to JPEG or PNG first; Plume takes PNG, JPEG, WebP and GIF images and MP4, MOV, M4V, WebM and MPEG videos.',
    );
  });

  it('refuses optimizing a video and a file still pending', async () => {
    const video = await uploadFile(admin, videoFixture('clip-moov-at-end.mp4'), 'video/mp4', 'clip.mp4');
    const ready = await admin.post<Media>(`/api/media/${video.media.id}/complete`);
    expect(ready.body).toMatchObject({
      status: 'ready',
      kind: 'video',
      mimeType: 'video/mp4',
      width: 64,
      height: 48,
      durationMs: 1500,
    });
    expect((await admin.post<Problem>(`/api/media/${video.media.id}/optimize`)).status).toBe(409);
    // A file whose variants are being made is not queued twice.
    const image = await uploadFile(admin, await makePng(8, 8), 'image/png', 'busy.png');
    await admin.post(`/api/media/${image.media.id}/complete`);
    await withSystem(env.runtime.container.db, (tx) =>
      tx.update(media).set({ status: 'processing' }).where(eq(media.id, image.media.id)),
    );
    expect((await admin.post<Problem>(`/api/media/${image.media.id}/optimize`)).status).toBe(409);
    const pending = await admin.post<UploadAnswer>('/api/media/upload', {
      fileName: 'p',
      contentType: 'image/png',
      size: 10,
    });
    expect((await admin.post<Problem>(`/api/media/${pending.body.media.id}/optimize`)).status).toBe(409);
  });

  it('keeps the original usable when an image cannot be rendered, and ignores a duplicate job', async () => {
    const upload = await uploadFile(admin, await makePng(10, 10), 'image/png', 'broken.png');
    expect((await admin.post<Media>(`/api/media/${upload.media.id}/complete`)).body.status).toBe('ready');
    expect((await admin.post(`/api/media/${upload.media.id}/optimize`)).status).toBe(202);
    // Storage loses the object before the job runs: nothing to render, the row stays as it was.
    await env.runtime.container.media.delete(upload.upload.fields.key!);
    await env.runtime.queue.drained();
    const [after] = (await admin.get<{ items: Media[] }>('/api/media?search=broken')).body.items;
    expect(after).toMatchObject({ status: 'ready', variants: {} });
    // A second delivery of the same message finds nothing `processing` and does nothing.
    await optimizeMedia(
      { type: 'optimize-media', organizationId, mediaId: upload.media.id },
      env.runtime.container,
    );
    const [again] = (await admin.get<{ items: Media[] }>('/api/media?search=broken')).body.items;
    expect(again).toEqual(after);
    await expect(
      optimizeMedia({ type: 'optimize-media', organizationId, mediaId: 'nope' }, env.runtime.container),
    ).rejects.toThrow();
  });

  it('holds uploads to the plan quota, counting forms still open', async () => {
    const other = await env.signUp();
    const big = 1.5 * 1024 ** 3;
    expect(
      (
        await other.client.post('/api/media/upload', {
          fileName: 'a.mp4',
          contentType: 'video/mp4',
          size: big,
        })
      ).status,
    ).toBe(201);
    const second = await other.client.post<Problem>('/api/media/upload', {
      fileName: 'b.mp4',
      contentType: 'video/mp4',
      size: big,
    });
    expect(second.status).toBe(403);
    expect(second.body.code).toBe('plan_limit_reached');
    expect(await mediaCount(other.organizationId)).toBe(1);
    // An unused form lapses and stops holding its bytes.
    env.clock.advance(16 * 60_000);
    await refresh(other.client);
    await refresh(admin);
    expect(
      (
        await other.client.post('/api/media/upload', {
          fileName: 'b.mp4',
          contentType: 'video/mp4',
          size: big,
        })
      ).status,
    ).toBe(201);
  });

  it('lets viewers read but not change, and hides other organizations', async () => {
    const png = await makePng(20, 20);
    const mine = await uploadFile(admin, png, 'image/png', 'mine');
    await admin.post(`/api/media/${mine.media.id}/complete`);
    const viewer = await env.addMember(admin, 'viewer');
    expect((await viewer.client.get('/api/media')).status).toBe(200);
    expect((await viewer.client.get('/api/media/storage-usage')).status).toBe(200);
    expect(
      (await viewer.client.post('/api/media/upload', { fileName: 'v', contentType: 'image/png', size: 10 }))
        .status,
    ).toBe(403);
    expect((await viewer.client.put(`/api/media/${mine.media.id}`, { altText: 'x' })).status).toBe(403);
    expect((await viewer.client.delete(`/api/media/${mine.media.id}`)).status).toBe(403);
    expect((await viewer.client.post(`/api/media/${mine.media.id}/optimize`)).status).toBe(403);
    expect((await viewer.client.post(`/api/media/${mine.media.id}/complete`)).status).toBe(403);

    const stranger = await env.signUp();
    const id = mine.media.id;
    expect((await stranger.client.post(`/api/media/${id}/complete`)).status).toBe(404);
    expect((await stranger.client.put(`/api/media/${id}`, { altText: 'mine now' })).status).toBe(404);
    expect((await stranger.client.post(`/api/media/${id}/optimize`)).status).toBe(404);
    expect((await stranger.client.delete(`/api/media/${id}`)).status).toBe(404);
    expect((await stranger.client.get<{ items: Media[] }>('/api/media')).body.items).toEqual([]);
    expect((await admin.get<{ items: Media[] }>('/api/media?search=mine')).body.items[0]).toMatchObject({
      id,
      altText: null,
    });
  });

  it('answers any upload request with 201 or a 4xx problem, and writes only on 201', async () => {
    const fuzzer = await env.signUp();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            fileName: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null)),
            contentType: fc.oneof(
              fc.constantFrom('image/png', 'video/mp4', 'image/gif', 'text/html', 'image/svg+xml'),
              fc.string(),
            ),
            size: fc.oneof(fc.integer({ min: -5, max: 6 * 1024 ** 3 }), fc.double(), fc.string()),
            extra: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const response = await fuzzer.client.post('/api/media/upload', body);
          expect([201, 400, 403]).toContain(response.status);
          if (response.status === 201) created += 1;
          expect(await mediaCount(fuzzer.organizationId)).toBe(created);
        },
      ),
      { numRuns: 40 },
    );
  });

  // Moves the shared clock a day on: keep it the last case.
  it('clears uploads abandoned for a day: hidden from the list, then removed by the next upload', async () => {
    const tidy = await env.signUp();
    const neighbour = await env.signUp();
    const png = await makePng(12, 12);
    const storage = env.runtime.container.media;
    const stale = await uploadFile(tidy.client, png, 'image/png', 'stale.png'); // never completed
    const done = await uploadFile(tidy.client, png, 'image/png', 'done.png');
    expect((await tidy.client.post(`/api/media/${done.media.id}/complete`)).status).toBe(200);
    const foreign = await uploadFile(neighbour.client, png, 'image/png', 'foreign.png');

    const rowOf = async (id: string) => {
      const [row] = await withSystem(env.runtime.container.db, (tx) =>
        tx.select().from(media).where(eq(media.id, id)),
      );
      return row!;
    };
    const listed = async (client: TestClient, query = '') =>
      (await client.get<{ items: Media[]; total: number }>(`/api/media${query}`)).body;
    const cleanupAudits = () =>
      withSystem(env.runtime.container.db, (tx) =>
        tx
          .select()
          .from(auditLogs)
          .where(
            and(
              eq(auditLogs.organizationId, tidy.organizationId),
              eq(auditLogs.action, 'delete'),
              eq(auditLogs.resourceType, 'media'),
            ),
          ),
      );

    // 23 hours on, an upload cleans nothing: a day has not passed.
    env.clock.advance(23 * 3_600_000);
    await refresh(tidy.client);
    const recent = await uploadFile(tidy.client, png, 'image/png', 'recent.png'); // never completed
    expect((await rowOf(stale.media.id)).deletedAt).toBeNull();
    expect((await listed(tidy.client)).items.map((m) => m.id)).toContain(stale.media.id);

    // 25 hours after `stale`, 2 after `recent`: the list hides `stale` at once.
    env.clock.advance(2 * 3_600_000);
    await refresh(tidy.client);
    await refresh(neighbour.client);
    const library = await listed(tidy.client);
    expect(library.items.map((m) => m.id).sort()).toEqual([done.media.id, recent.media.id].sort());
    expect(library.total).toBe(2);
    expect((await listed(tidy.client, '?status=pending')).items.map((m) => m.id)).toEqual([recent.media.id]);
    expect((await listed(neighbour.client)).items).toEqual([]);
    // Listing only hides; the row and its object stay until the next upload.
    expect((await rowOf(stale.media.id)).deletedAt).toBeNull();
    expect(await storage.head(stale.upload.fields.key!)).toBeDefined();
    expect(await cleanupAudits()).toEqual([]);

    const next = await tidy.client.post<UploadAnswer>('/api/media/upload', {
      fileName: 'next.png',
      contentType: 'image/png',
      size: png.length,
    });
    expect(next.status).toBe(201);
    expect((await rowOf(stale.media.id)).deletedAt).toEqual(env.clock.now());
    expect(await storage.head(stale.upload.fields.key!)).toBeUndefined();
    const audits = await cleanupAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.newValues).toEqual({ abandoned: 1, mediaIds: [stale.media.id] });
    // The late `complete` of the removed upload finds nothing.
    expect((await tidy.client.post<Problem>(`/api/media/${stale.media.id}/complete`)).status).toBe(404);

    // Ready files are never touched; a 2-hour-old upload is kept and can still be completed.
    expect(await rowOf(done.media.id)).toMatchObject({ status: 'ready', deletedAt: null });
    expect(await storage.head(done.upload.fields.key!)).toBeDefined();
    expect((await rowOf(recent.media.id)).deletedAt).toBeNull();
    const completed = await tidy.client.post<Media>(`/api/media/${recent.media.id}/complete`);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'ready', width: 12, height: 12 });

    // The other organization's abandoned upload is untouched by this organization's cleanup.
    expect(await rowOf(foreign.media.id)).toMatchObject({ status: 'pending', deletedAt: null });
    expect(await storage.head(foreign.upload.fields.key!)).toBeDefined();
  });
});
