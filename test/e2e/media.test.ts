import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../web/src/pages/media/format';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';
import { inviteViewer } from './support/invite';

/**
 * The media library in a real browser against the real local runtime: files go through the
 * presigned upload, are confirmed and inspected by the API, optimized by the real job queue,
 * and the page follows the WebSocket pushes. web/dist must be built first.
 */
let rig: BrowserRig;
let files: string;

interface Media {
  id: string;
  fileName: string;
  altText: string | null;
  status: string;
  width: number | null;
  variants: Record<string, { mimeType: string; width?: number }>;
}

beforeAll(async () => {
  rig = await startBrowserRig('media');
  files = mkdtempSync(join(tmpdir(), 'plume-media-files-'));
  const background = { r: 37, g: 99, b: 235, alpha: 1 };
  writeFileSync(
    join(files, 'harbour.png'),
    await sharp({ create: { width: 640, height: 480, channels: 4, background } })
      .png()
      .toBuffer(),
  );
  writeFileSync(
    join(files, 'lighthouse.jpg'),
    await sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 220, g: 38, b: 38 } } })
      .jpeg()
      .toBuffer(),
  );
  writeFileSync(
    join(files, 'pier.png'),
    await sharp({ create: { width: 32, height: 32, channels: 3, background } })
      .png()
      .toBuffer(),
  );
  writeFileSync(join(files, 'notes.txt'), 'not an image');
  // PNG: the largest any network takes is 16 MB.
  writeFileSync(join(files, 'huge.png'), Buffer.alloc(17 * 1024 * 1024, 1));
});

afterAll(async () => {
  await rig?.stop();
  if (files) rmSync(files, { recursive: true, force: true });
});

describe('media library', () => {
  it('uploads, describes, optimizes and deletes files, and refuses what the API refuses', async () => {
    const person = await signedInContext(rig, { organization: 'Harbour Lights' });
    const { page } = person;
    // A step that hangs fails with its own locator instead of the test's timeout.
    page.setDefaultTimeout(15_000);
    // The refused type and the oversized file are answered 400 on purpose.
    const problems = collectProblems(page, [/status of 400 \(Bad Request\)/]);
    const listMedia = async () => {
      const answer = await person.api('GET', '/media');
      expect(answer.status).toBe(200);
      return answer.body.items as Media[];
    };
    const storageUsed = async () => Number((await person.api('GET', '/media/storage-usage')).body.usedBytes);

    await page.goto(`${rig.runtime.url}/media`);
    await page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
    await page.locator('[data-status="open"]').waitFor();
    await page.getByText('No files yet.').waitFor();
    const storage = page.getByTestId('storage-used');
    await expect(storage.textContent()).resolves.toBe('0 bytes of 2 GB used');
    expect(await storageUsed()).toBe(0);

    // Two files at once through the picker; each shows its own progress to the end.
    await page
      .getByLabel('choose files')
      .setInputFiles([join(files, 'harbour.png'), join(files, 'lighthouse.jpg')]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await uploads.locator('[data-upload-state="done"]').nth(1).waitFor();
    await expect(uploads.locator('[data-upload-state="done"]').count()).resolves.toBe(2);
    for (const name of ['harbour.png', 'lighthouse.jpg']) {
      await expect(
        page.getByRole('progressbar', { name: `${name} upload` }).getAttribute('aria-valuenow'),
      ).resolves.toBe('100');
    }
    await expect(page.getByRole('status').filter({ hasText: 'files uploaded' }).textContent()).resolves.toBe(
      '2 of 2 files uploaded',
    );

    const grid = page.getByRole('list', { name: 'Files' });
    await grid.getByRole('button', { name: 'Open harbour.png' }).waitFor();
    await grid.getByRole('button', { name: 'Open lighthouse.jpg' }).waitFor();
    const stored = await listMedia();
    expect(stored.map((m) => [m.fileName, m.status]).sort()).toEqual([
      ['harbour.png', 'ready'],
      ['lighthouse.jpg', 'ready'],
    ]);
    const harbour = stored.find((m) => m.fileName === 'harbour.png')!;
    const lighthouse = stored.find((m) => m.fileName === 'lighthouse.jpg')!;
    expect(harbour.width).toBe(640);
    const tile = grid.locator(`[data-media-id="${harbour.id}"]`);
    await expect(tile.textContent()).resolves.toContain('640 × 480');
    // The thumbnail really loads from storage.
    await expect
      .poll(() =>
        tile.locator('img').evaluate((element) => {
          // The root tsconfig has no DOM types; this runs in the page.
          const image = element as unknown as { complete: boolean; naturalWidth: number };
          return image.complete ? image.naturalWidth : 0;
        }),
      )
      .toBe(640);

    // Storage grows by exactly the two files, in the API and on the bar.
    const used = await storageUsed();
    expect(used).toBe(
      statSync(join(files, 'harbour.png')).size + statSync(join(files, 'lighthouse.jpg')).size,
    );
    await expect.poll(() => storage.textContent()).toBe(`${formatBytes(used)} of 2 GB used`);
    await expect(
      page.getByRole('meter', { name: 'Storage used' }).getAttribute('aria-valuenow'),
    ).resolves.toBe(String(used));

    // A draft that uses the PNG: the tile names it and links to it.
    const accountId = await connectSandbox(person, 'harbour');
    const post = await person.api('POST', '/posts', {
      title: 'Spring at the harbour',
      content: 'The boats are back.',
      mediaIds: [harbour.id],
      targets: [{ socialAccountId: accountId }],
    });
    expect(post.status).toBe(201);
    await page.reload();
    const postLink = tile.getByRole('link', { name: 'Spring at the harbour' });
    await postLink.waitFor();
    await expect(tile.textContent()).resolves.toContain('Used in 1 post');
    await expect(postLink.getAttribute('href')).resolves.toBe(`/posts/${(post.body as { id: string }).id}`);

    // Alt text, saved through PUT and confirmed by the API.
    await tile.getByRole('button', { name: 'Open harbour.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'harbour.png' });
    await dialog.waitFor();
    await dialog.getByLabel('Alt text').fill('Blue water in the harbour at dawn');
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.getByText('Saved. The alt text goes with this file').waitFor();
    expect((await listMedia()).find((m) => m.id === harbour.id)?.altText).toBe(
      'Blue water in the harbour at dawn',
    );

    // Optimize: 202, then the job's `media.optimized` push brings the variants in.
    await dialog.getByRole('button', { name: 'Optimize' }).click();
    const variants = dialog.getByRole('list', { name: 'Variants' });
    await variants.waitFor({ timeout: 20_000 });
    await expect(variants.locator('[data-variant]').count()).resolves.toBe(5);
    const square = variants.locator('[data-variant="instagram-square"]');
    await expect(square.textContent()).resolves.toContain('JPEG · 480 × 480');
    await expect(square.getByRole('img', { name: 'Instagram' }).count()).resolves.toBe(1);
    await expect(dialog.getByTestId('media-status').textContent()).resolves.toBe('Ready');
    await dialog.getByRole('button', { name: 'Optimize again' }).waitFor();
    const optimized = (await listMedia()).find((m) => m.id === harbour.id)!;
    expect(Object.keys(optimized.variants).sort()).toEqual([
      'feed-jpeg',
      'feed-webp',
      'instagram-portrait',
      'instagram-square',
      'thumbnail',
    ]);
    expect(optimized.status).toBe('ready');
    await dialog.screenshot({ path: join(screenshots, 'media-detail.png'), animations: 'disabled' });
    // Variants count toward storage, and the bar follows.
    const withVariants = await storageUsed();
    expect(withVariants).toBeGreaterThan(used);
    await expect.poll(() => storage.textContent()).toBe(`${formatBytes(withVariants)} of 2 GB used`);

    // Deleting a file a draft uses warns what happens to the draft; cancelled here.
    await dialog.getByRole('button', { name: 'Delete file' }).click();
    const confirmHarbour = page.getByRole('dialog', { name: 'Delete harbour.png?' });
    await expect(confirmHarbour.textContent()).resolves.toContain(
      '1 post (drafts or already published) keeps a reference to it; the composer will show the file as missing.',
    );
    await confirmHarbour.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Close details' }).click();
    await expect(dialog.count()).resolves.toBe(0);

    // Delete the unused JPEG: gone from the grid and from the API.
    await grid.getByRole('button', { name: 'Open lighthouse.jpg' }).click();
    const jpegDialog = page.getByRole('dialog', { name: 'lighthouse.jpg' });
    await jpegDialog.getByRole('button', { name: 'Delete file' }).click();
    const confirmJpeg = page.getByRole('dialog', { name: 'Delete lighthouse.jpg?' });
    await expect(confirmJpeg.textContent()).resolves.toContain('No post uses this file.');
    await confirmJpeg.getByRole('button', { name: 'Delete file' }).click();
    await page.getByRole('status').filter({ hasText: 'lighthouse.jpg was deleted.' }).waitFor();
    await expect(jpegDialog.count()).resolves.toBe(0);
    await expect.poll(() => grid.locator(`[data-media-id="${lighthouse.id}"]`).count()).toBe(0);
    expect((await listMedia()).map((m) => m.id)).toEqual([harbour.id]);

    // Cancel: storage never answers this upload; the row stays unfinished, never ready.
    const held = () => undefined;
    await page.route('**/_local/media-upload', held);
    await page.getByLabel('choose files').setInputFiles([join(files, 'pier.png')]);
    await uploads.locator('[data-upload-state="uploading"]').waitFor();
    await page.getByRole('button', { name: 'Cancel pier.png' }).click();
    await uploads.locator('[data-upload-state="cancelled"]').waitFor();
    await page.unroute('**/_local/media-upload', held);
    const pier = (await listMedia()).find((m) => m.fileName === 'pier.png')!;
    expect(pier.status).toBe('pending');
    await expect(grid.locator(`[data-media-id="${pier.id}"]`).textContent()).resolves.toContain('Unfinished');
    expect((await person.api('DELETE', `/media/${pier.id}`)).status).toBe(204);
    await page.getByRole('button', { name: 'Clear finished' }).click();

    // A refused type and a file over the limit: each says why, in the API's terms.
    await page.getByLabel('choose files').setInputFiles([join(files, 'notes.txt'), join(files, 'huge.png')]);
    await uploads.locator('[data-upload-state="failed"]').nth(1).waitFor();
    const refusals = await uploads.getByRole('alert').allTextContents();
    expect(refusals).toEqual([
      'text/plain files are not accepted: no network takes them.',
      'No network accepts a image/png file this large. At most 16 MB for image/png.',
    ]);
    expect((await listMedia()).length).toBe(1);

    // Filters live in the URL: only unused files -> nothing; used -> the harbour.
    await page.getByLabel('Usage').selectOption('unused');
    await page.waitForURL(/\/media\?usage=unused$/);
    await page.getByText('No file matches these filters.').waitFor();
    await page.getByLabel('Usage').selectOption('used');
    await page.waitForURL(/\/media\?usage=used$/);
    await grid.getByRole('button', { name: 'Open harbour.png' }).waitFor();
    await page.getByLabel('Search').fill('dawn');
    await page.waitForURL(/\/media\?search=dawn&usage=used$/);
    await expect(grid.locator('[data-media-id]').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/media$/);

    await page.screenshot({ path: join(screenshots, 'media.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
    await person.context.close();
  }, 120_000);

  it('shows a viewer the library read-only', async () => {
    const admin = await signedInContext(rig, { organization: 'Lantern Makers' });
    const harbour = await uploadThroughApi(admin, 'harbour.png', 'image/png');
    expect((await admin.api('PUT', `/media/${harbour}`, { altText: 'A blue square of sea' })).status).toBe(
      200,
    );

    // A viewer joins through an invitation (the admin must have verified their email).
    const viewer = await inviteViewer(rig, admin);

    const page = viewer.page;
    page.setDefaultTimeout(15_000);
    const problems = collectProblems(page);
    await page.goto(`${rig.runtime.url}/media`);
    await page.getByRole('heading', { level: 1, name: 'Media' }).waitFor();
    await page.getByText('You can look, not change').waitFor();
    await expect(page.getByLabel('choose files').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Open harbour.png' }).click();
    const dialog = page.getByRole('dialog', { name: 'harbour.png' });
    await dialog.getByText('A blue square of sea').waitFor();
    await expect(dialog.getByRole('textbox').count()).resolves.toBe(0);
    await expect(dialog.getByRole('button', { name: /Save|Optimize|Delete/ }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await viewer.context.close();
    await admin.context.close();
  }, 60_000);
});

/** The browser's three steps without the page: reserve, POST the form to storage, confirm. */
async function uploadThroughApi(person: SignedIn, name: string, mimeType: string): Promise<string> {
  const buffer = readFileSync(join(files, name));
  const started = await person.api('POST', '/media/upload', {
    fileName: name,
    contentType: mimeType,
    size: buffer.length,
  });
  expect(started.status).toBe(201);
  const { media, upload } = started.body as {
    media: { id: string };
    upload: { url: string; fields: Record<string, string> };
  };
  const stored = await person.context.request.post(new URL(upload.url, rig.runtime.url).toString(), {
    multipart: { ...upload.fields, file: { name, mimeType, buffer } },
  });
  expect(stored.ok()).toBe(true);
  expect((await person.api('POST', `/media/${media.id}/complete`)).status).toBe(200);
  return media.id;
}
