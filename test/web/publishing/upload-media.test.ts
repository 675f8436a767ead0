import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenStore } from '../../../web/src/api/access-token';
import { createApiClient } from '../../../web/src/api/client';
import { ApiProblem } from '../../../web/src/api/problem';
import { storageProblem, uploadMedia, type FormTransport } from '../../../web/src/publishing/upload-media';
import { ScriptedServer } from '../scripted-server';

const server = new ScriptedServer();
const api = () => createApiClient({ baseUrl: server.baseUrl, tokens: createAccessTokenStore() });

/** Sends the form with fetch, as the browser's XMLHttpRequest would, to the scripted storage. */
const fetchTransport: FormTransport = async (url, form) => {
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, body: await response.text() };
};

const media = (status: string) => ({
  id: '0b5e0c4e-8d3a-4a4b-9d61-8a1f3b2c4d5e',
  status,
  fileName: 'cat.png',
});

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => server.reset());

describe('uploadMedia', () => {
  it('asks for a presigned form, posts every field then the file, and confirms the upload', async () => {
    const storageUrl = `${server.baseUrl}/_storage`;
    server.on('POST /api/media/upload', {
      status: 201,
      body: {
        media: media('pending'),
        upload: {
          url: storageUrl,
          fields: { key: 'org/cat.png', policy: 'abc' },
          expiresAt: '2026-01-01T00:00:00Z',
        },
      },
    });
    server.on('POST /api/_storage', { status: 204 });
    server.on(`POST /api/media/${media('x').id}/complete`, { status: 200, body: media('ready') });
    const progress: number[] = [];

    const file = new File([new Uint8Array([137, 80, 78, 71])], 'cat.png', { type: 'image/png' });
    const ready = await uploadMedia(
      api(),
      file,
      { onProgress: (p) => progress.push(p.loaded) },
      fetchTransport,
    );

    expect(ready.status).toBe('ready');
    expect(JSON.parse(server.requests('POST /api/media/upload')[0]!.body)).toEqual({
      fileName: 'cat.png',
      contentType: 'image/png',
      size: 4,
    });
    const sent = server.requests('POST /api/_storage')[0]!.body;
    // Fields first, the file last: S3 ignores whatever follows the file.
    expect(sent.indexOf('name="key"')).toBeLessThan(sent.indexOf('name="file"'));
    expect(sent.indexOf('name="policy"')).toBeLessThan(sent.indexOf('name="file"'));
    expect(progress.at(-1)).toBe(4);
  });

  it('reports storage refusals as problems and never confirms the upload', async () => {
    server.on('POST /api/media/upload', {
      status: 201,
      body: {
        media: media('pending'),
        upload: { url: `${server.baseUrl}/_storage`, fields: {}, expiresAt: '2026-01-01T00:00:00Z' },
      },
    });
    server.on('POST /api/_storage', { status: 400 });
    const file = new File(['x'], 'cat.png', { type: 'image/png' });
    await expect(uploadMedia(api(), file, {}, fetchTransport)).rejects.toBeInstanceOf(ApiProblem);
    expect(server.requests(`POST /api/media/${media('x').id}/complete`)).toEqual([]);
  });

  it("passes the API's refusal of the file through unchanged", async () => {
    server.on('POST /api/media/upload', {
      status: 413,
      body: {
        status: 413,
        code: 'plan_limit_reached',
        title: 'Storage full',
        detail: 'Your plan holds 1 GB.',
      },
    });
    const file = new File(['x'], 'cat.png', { type: 'image/png' });
    const refused = await uploadMedia(api(), file, {}, fetchTransport).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      status: 413,
      code: 'plan_limit_reached',
      detail: 'Your plan holds 1 GB.',
    });
    expect(server.requests('POST /api/_storage')).toEqual([]);
  });
});

describe('storageProblem', () => {
  it("reads S3's XML error document", () => {
    const tooLarge = storageProblem(
      400,
      '<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message></Error>',
    );
    expect(tooLarge).toMatchObject({
      status: 400,
      code: 'upload_refused',
      detail: 'The file is larger than the upload allows.',
    });
    const expired = storageProblem(
      403,
      '<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message></Error>',
    );
    expect(expired.detail).toBe('The upload link expired; try again.');
    expect(
      storageProblem(403, '<Error><Code>AccessDenied</Code><Message>Bad signature</Message></Error>').detail,
    ).toBe('Bad signature');
    expect(storageProblem(502, '<html>Bad gateway</html>').detail).toBe('Storage refused the file.');
  });
});
