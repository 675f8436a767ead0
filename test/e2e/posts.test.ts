import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';

/**
 * The posts list and a post's page in a real browser against the real local runtime: the
 * Sandbox network publishes (and refuses `#fail-permanent` posts) through the real queue
 * and publisher, and the pages follow over the WebSocket without polling or reloads.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('posts');
});

afterAll(async () => {
  await rig?.stop();
});

interface ApiPost {
  id: string;
  status: string;
  targets: { errorMessage: string | null; errorCode: string | null; platformPostUrl: string | null }[];
}

async function createPost(person: SignedIn, accountId: string, content: string): Promise<ApiPost> {
  const created = await person.api('POST', '/posts', { content, targets: [{ socialAccountId: accountId }] });
  expect(created.status).toBe(201);
  return created.body as unknown as ApiPost;
}

/** The test (not the page) waits on the API for the publisher to finish. */
async function waitForStatus(person: SignedIn, id: string, status: string): Promise<ApiPost> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await person.api('GET', `/posts/${id}`);
    if (found.body.status === status) return found.body as unknown as ApiPost;
    if (Date.now() > deadline) throw new Error(`post ${id} is ${String(found.body.status)}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('posts', () => {
  it('filters, bulk-deletes, shows failures verbatim, links live posts and follows "publish now" live', async () => {
    const person = await signedInContext(rig, { organization: 'Posts Gazette' });
    const { page, context } = person;
    // The CSV with a past row is refused on purpose with a 422.
    const problems = collectProblems(page, [/status of 422 \(Unprocessable Entity\)/]);
    const accountId = await connectSandbox(person, 'gazette');

    const draft = await createPost(person, accountId, 'Spring garden notes, still a draft');
    const deleteOne = await createPost(person, accountId, 'Old promo to delete, first');
    const deleteTwo = await createPost(person, accountId, 'Old promo to delete, second');
    const scheduled = await createPost(person, accountId, 'Weekly digest for next week');
    const scheduledAt = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
    expect((await person.api('POST', `/posts/${scheduled.id}/schedule`, { at: scheduledAt })).status).toBe(
      200,
    );
    const failing = await createPost(person, accountId, 'Launch announcement #fail-permanent');
    expect((await person.api('POST', `/posts/${failing.id}/publish`)).status).toBe(202);
    const published = await createPost(person, accountId, 'Hello world, this one goes live');
    expect((await person.api('POST', `/posts/${published.id}/publish`)).status).toBe(202);
    const failed = await waitForStatus(person, failing.id, 'failed');
    const live = await waitForStatus(person, published.id, 'published');
    const refusal = failed.targets[0]!.errorMessage!;
    expect(refusal).toContain('#fail-permanent');
    const liveUrl = live.targets[0]!.platformPostUrl!;
    expect(liveUrl).toMatch(/^https?:\/\//);

    // The list: every post, newest first.
    await page.goto(`${rig.runtime.url}/posts`);
    await page.getByRole('heading', { level: 1, name: 'Posts' }).waitFor();
    const rows = page.locator('tbody tr[data-post-id]');
    await expect.poll(() => rows.count()).toBe(6);
    await expect(rows.first().getAttribute('data-post-id')).resolves.toBe(published.id);

    // Filter by status: the URL says so and only the failed post is left.
    const filters = page.getByRole('search', { name: 'Filter posts' });
    await filters.getByLabel('Status').selectOption('failed');
    await page.waitForURL(/[?&]status=failed/);
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().getAttribute('data-post-id')).resolves.toBe(failing.id);
    await expect(rows.first().textContent()).resolves.toContain('Failed');

    // Search: back to every status, then the words; a reload keeps the filters.
    await filters.getByLabel('Status').selectOption('');
    await filters.getByLabel('Search').fill('to delete');
    await filters.getByLabel('Search').press('Enter');
    await page.waitForURL(/[?&]q=to\+delete/);
    await expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    await expect.poll(() => rows.count()).toBe(2);
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    await expect(filters.getByLabel('Search').inputValue()).resolves.toBe('to delete');
    expect(
      new Set(await Promise.all([0, 1].map((index) => rows.nth(index).getAttribute('data-post-id')))),
    ).toEqual(new Set([deleteOne.id, deleteTwo.id]));

    // Bulk delete both, after confirming.
    await page.getByRole('checkbox', { name: 'Select every post on this page' }).check();
    const bar = page.getByRole('region', { name: 'Selected posts' });
    await bar.getByText('2 posts selected').waitFor();
    await bar.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete 2 posts?' });
    await dialog.getByRole('button', { name: 'Delete posts' }).click();
    await page.getByText('Deleted 2 posts.').waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByText('No post matches these filters').waitFor();
    for (const gone of [deleteOne, deleteTwo]) {
      expect((await person.api('GET', `/posts/${gone.id}`)).status).toBe(404);
    }
    expect((await person.api('GET', '/posts')).body.total).toBe(4);

    // A failed post: the network's refusal, word for word, with its code.
    await page.goto(`${rig.runtime.url}/posts/${failing.id}`);
    const message = page.locator('[data-error-message]');
    await message.waitFor();
    await expect(message.textContent()).resolves.toBe(refusal);
    await expect(page.getByRole('main').textContent()).resolves.toContain(failed.targets[0]!.errorCode!);
    await expect(page.getByRole('button', { name: 'Retry…' }).isVisible()).resolves.toBe(true);
    await page.screenshot({
      path: join(screenshots, 'post-detail.png'),
      animations: 'disabled',
      fullPage: true,
    });

    // A published post: the link to the live post on the Sandbox.
    await page.goto(`${rig.runtime.url}/posts/${published.id}`);
    const liveLink = page.getByRole('link', { name: 'View on Sandbox' });
    await liveLink.waitFor();
    await expect(liveLink.getAttribute('href')).resolves.toBe(liveUrl);
    await expect(page.getByRole('link', { name: 'Edit' }).count()).resolves.toBe(0);

    // Publish a draft now and watch it turn Published on the page, no reload, no polling.
    await page.goto(`${rig.runtime.url}/posts/${draft.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('[data-status="open"]').waitFor();
    await page.evaluate('window.samePage = true');
    const postRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === `/api/posts/${draft.id}`) postRequests.push(request.method());
    });
    const main = page.getByRole('main');
    await main.locator('[data-status="draft"]').first().waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page
      .getByRole('dialog', { name: 'Publish this post now?' })
      .getByRole('button', { name: 'Publish now' })
      .click();
    await main.locator('[data-status="published"]').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId('post-announcer').textContent())
      .toContain('Post status: Published.');
    await expect(page.evaluate('window.samePage')).resolves.toBe(true);
    // A handful of refetches pushed by the server, not a polling loop.
    expect(postRequests.length).toBeLessThanOrEqual(6);
    await expect(main.getByRole('link', { name: 'View on Sandbox' }).isVisible()).resolves.toBe(true);
    expect((await person.api('GET', `/posts/${draft.id}`)).body.status).toBe('published');

    // Import CSV: a past row refuses the whole file with row numbers; a good file schedules.
    await page.goto(`${rig.runtime.url}/posts`);
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const csvHeader = 'content,accounts,local_time,time_zone,at';
    const bad = [
      csvHeader,
      `From the CSV file,${accountId},2030-01-15T09:00,Europe/Paris,`,
      `Too late,${accountId},,,2020-01-01T00:00:00Z`,
    ].join('\n');
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Schedule posts' }).click();
    const rowErrors = page.getByRole('list', { name: 'Rows to fix' });
    await rowErrors.waitFor();
    await expect(rowErrors.textContent()).resolves.toBe('Row 2 (line 3): at: Must be in the future');
    expect((await person.api('GET', '/posts')).body.total).toBe(4);
    const good = [csvHeader, `From the CSV file,${accountId},2030-01-15T09:00,Europe/Paris,`].join('\n');
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'plan.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Schedule posts' }).click();
    await page.getByText('Scheduled 1 post.').waitFor();
    const imported = await person.api('GET', '/posts?q=From%20the%20CSV');
    expect(imported.body.total).toBe(1);
    expect((imported.body.posts as ApiPost[])[0]!.status).toBe('scheduled');
    await expect.poll(() => rows.count()).toBe(5);

    await page.screenshot({ path: join(screenshots, 'posts.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
