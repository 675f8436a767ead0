import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePng } from '../../core/media/images';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;

interface Media {
  id: string;
  fileName: string | null;
  status: string;
  width: number | null;
  url: string | null;
  usage: Array<{ postId: string }>;
}

/** GET /api/media/{id}: one file, as the post page shows its attachments. */
describe('GET /api/media/{id}', () => {
  let env: Env;
  let admin: TestClient;
  let viewer: TestClient;
  let stranger: TestClient;
  let mediaId: string;

  beforeAll(async () => {
    env = await startIdentityRuntime();
    const first = await env.signUp();
    admin = first.client;
    await env.verify(first.email, admin);
    viewer = (await env.addMember(admin, 'viewer')).client;
    stranger = (await env.signUp()).client;

    const png = await makePng(32, 24);
    const started = await admin.post<{
      media: Media;
      upload: { url: string; fields: Record<string, string> };
    }>('/api/media/upload', { fileName: 'chart.png', contentType: 'image/png', size: png.byteLength });
    expect(started.status).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(started.body.upload.fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png');
    const stored = await fetch(started.body.upload.url, { method: 'POST', body: form });
    expect(stored.status).toBeLessThan(300);
    mediaId = started.body.media.id;
    expect((await admin.post(`/api/media/${mediaId}/complete`)).status).toBe(200);
  });
  afterAll(async () => env?.stop());

  it('answers one file with its size, link and the posts that use it, to every member', async () => {
    const accounts = await admin.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: 'chartist',
    });
    const post = await admin.post<{ id: string }>('/api/posts', {
      content: 'With a chart',
      mediaIds: [mediaId],
      targets: [{ socialAccountId: accounts.body.account.id }],
    });
    expect(post.status).toBe(201);

    for (const client of [admin, viewer]) {
      const one = await client.get<Media>(`/api/media/${mediaId}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: mediaId, fileName: 'chart.png', status: 'ready', width: 32 });
      expect(one.body.url).toEqual(expect.any(String));
      expect(one.body.usage.map((u) => u.postId)).toEqual([post.body.id]);
    }
  });

  it('answers 404 for another organization, a deleted file or an unknown id, and 400 for a malformed id', async () => {
    const foreign = await stranger.get<{ code: string }>(`/api/media/${mediaId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect((await admin.get(`/api/media/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const malformed = await admin.get<{ code: string }>('/api/media/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation_failed');
    // The static route still wins over the parameter.
    expect((await viewer.get('/api/media/storage-usage')).status).toBe(200);
  });
});
