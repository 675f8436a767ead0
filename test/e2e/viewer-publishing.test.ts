import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../web/src/lib/plain-date';
import { wallClockAt } from '../../web/src/lib/zoned-time';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
  type SignedIn,
} from './support/browser';
import { inviteViewer, type Viewer } from './support/invite';

/**
 * The publishing pages as a viewer sees them, in a real browser against the real local
 * runtime: an admin writes a draft, schedules one post and publishes another on a Sandbox
 * account, invites a viewer, and the viewer can read every page but finds nothing that
 * writes. The API refuses the viewer too, whatever the page shows.
 * web/dist must be built first (`npm run build -w web`).
 */
const ZONE = 'Europe/Paris';

let rig: BrowserRig;
let admin: SignedIn;
let viewer: Viewer;
let page: Page;
let problems: string[];
const posts = { draft: '', scheduled: '', published: '' };
let scheduledAt: string;
let liveUrl: string;

interface StoredPost {
  id: string;
  status: string;
  targets: { status: string; platformPostUrl: string | null }[];
}

async function readPost(person: SignedIn, id: string): Promise<StoredPost> {
  const read = await person.api('GET', `/posts/${id}`);
  expect(read.status).toBe(200);
  return read.body as unknown as StoredPost;
}

async function createPost(title: string, accountId: string): Promise<string> {
  const created = await admin.api('POST', '/posts', {
    title,
    content: `${title}, written by the admin for the viewer to read.`,
    targets: [{ socialAccountId: accountId }],
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Polls the API (never the page) until the post reaches `status`. */
async function waitForStatus(id: string, status: string): Promise<StoredPost> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const post = await readPost(admin, id);
    if (post.status === status) return post;
    if (Date.now() > deadline) throw new Error(`Post ${id} never became ${status}: ${JSON.stringify(post)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function open(path: string, heading: string) {
  await page.goto(`${rig.runtime.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const main = () => page.getByRole('main');
const chip = (on: Page, id: string) => on.locator(`[data-calendar-item="${id}"]`);

beforeAll(async () => {
  rig = await startBrowserRig('viewer-publishing');
  admin = await signedInContext(rig, { organization: 'Read-Only Gazette' });
  const accountId = await connectSandbox(admin, 'gazette');

  posts.draft = await createPost('Draft about the printing press', accountId);

  posts.scheduled = await createPost('Evening edition announcement', accountId);
  // A few hours ahead, at minute precision: far enough that the scheduler leaves it alone.
  scheduledAt = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 60_000) * 60_000).toISOString();
  const scheduled = await admin.api('POST', `/posts/${posts.scheduled}/schedule`, { at: scheduledAt });
  expect(scheduled.status).toBe(200);

  posts.published = await createPost('Morning headlines', accountId);
  expect((await admin.api('POST', `/posts/${posts.published}/publish`)).status).toBe(202);
  const published = await waitForStatus(posts.published, 'published');
  liveUrl = published.targets[0]?.platformPostUrl ?? '';
  expect(liveUrl).toMatch(/^https?:\/\//);

  viewer = await inviteViewer(rig, admin);
  // A zone unlike the browser's, so the calendar's day is the profile's, not Chromium's.
  expect((await viewer.api('PUT', '/users/profile', { timezone: ZONE })).status).toBe(200);
  page = viewer.page;
  page.setDefaultTimeout(15_000);
  problems = collectProblems(page);
}, 90_000);

afterAll(async () => {
  await viewer?.context.close();
  await admin?.context.close();
  await rig?.stop();
});

describe('a viewer on the publishing pages', () => {
  it('is told on /compose that viewers cannot write posts, with no editor', async () => {
    await open('/compose', 'Compose');
    await main().getByText('Viewers cannot write posts').waitFor();
    // The sidebar does not offer what the role cannot do; Posts and Calendar stay.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Compose', exact: true }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Posts', exact: true }).count()).resolves.toBe(1);
    await expect(main().getByRole('textbox').count()).resolves.toBe(0);
    await expect(main().getByLabel('Post text').count()).resolves.toBe(0);
    await expect(
      main()
        .getByRole('button', { name: /Schedule|Publish|Save/ })
        .count(),
    ).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('lists every post on /posts with no selection, bulk actions or import', async () => {
    await open('/posts', 'Posts');
    const rows = main().locator('tr[data-post-id]');
    await rows.nth(2).waitFor();
    const listed = await Promise.all((await rows.all()).map((row) => row.getAttribute('data-post-id')));
    expect(listed.sort()).toEqual([posts.draft, posts.scheduled, posts.published].sort());
    const scheduledRow = main().locator(`tr[data-post-id="${posts.scheduled}"]`);
    await expect(scheduledRow.locator('[data-status="scheduled"]').count()).resolves.toBe(1);
    await expect(
      scheduledRow.getByRole('link', { name: 'Evening edition announcement' }).getAttribute('href'),
    ).resolves.toBe(`/posts/${posts.scheduled}`);

    await expect(main().getByRole('checkbox').count()).resolves.toBe(0);
    await expect(main().getByRole('region', { name: 'Selected posts' }).count()).resolves.toBe(0);
    await expect(
      main()
        .getByRole('button', { name: /Import CSV|Duplicate|Delete/ })
        .count(),
    ).resolves.toBe(0);
    await expect(
      main()
        .getByRole('link', { name: /New post|Write your first post/ })
        .count(),
    ).resolves.toBe(0);
    // Reading is still the viewer's: the filters work.
    await main().getByLabel('Status').selectOption('scheduled');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().getAttribute('data-post-id')).resolves.toBe(posts.scheduled);
    expect(problems).toEqual([]);
  });

  it('shows a scheduled post’s status on its page, with no action on it', async () => {
    await open(`/posts/${posts.scheduled}`, 'Evening edition announcement');
    const target = main().locator('[data-target-id]');
    await target.locator('[data-status="scheduled"]').waitFor();
    await expect(main().locator('[data-status="scheduled"]').first().textContent()).resolves.toBe(
      'Scheduled',
    );
    await expect(target.textContent()).resolves.toContain('Waiting for its time.');
    await expect(
      main()
        .getByRole('button', { name: /Edit|Duplicate|Publish now|Schedule|Reschedule|Retry|Delete/ })
        .count(),
    ).resolves.toBe(0);
    await expect(main().getByRole('link', { name: 'Edit', exact: true }).count()).resolves.toBe(0);
    await expect(main().locator(`a[href^="/compose"]`).count()).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, 'viewer-post.png'), animations: 'disabled' });
    expect(problems).toEqual([]);
  });

  it('links a published post to the live copy on the Sandbox', async () => {
    await open(`/posts/${posts.published}`, 'Morning headlines');
    const live = main().getByRole('link', { name: 'View on Sandbox' });
    await live.waitFor();
    await expect(live.getAttribute('href')).resolves.toBe(liveUrl);
    await expect(main().locator('[data-target-id] [data-status="published"]').count()).resolves.toBe(1);
    await expect(
      main()
        .getByRole('button', { name: /Duplicate|Publish now|Delete/ })
        .count(),
    ).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the scheduled post on the calendar as fixed, with no "+" to add posts', async () => {
    const day = wallClockAt(Date.parse(scheduledAt), ZONE).date;
    await open(`/calendar?view=week&date=${day}`, 'Calendar');
    const viewerChip = chip(page, posts.scheduled);
    await viewerChip.waitFor();
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe(ZONE);
    await expect(viewerChip.getAttribute('data-status')).resolves.toBe('scheduled');
    await expect(viewerChip.getAttribute('draggable')).resolves.toBe('false');
    await expect(viewerChip.getAttribute('title')).resolves.toContain('Viewers cannot reschedule posts.');
    await expect(viewerChip.getByRole('button').count()).resolves.toBe(0);
    await expect(viewerChip.getByRole('link').getAttribute('href')).resolves.toBe(
      `/posts/${posts.scheduled}`,
    );
    await expect(viewerChip.getByRole('link').getAttribute('draggable')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: /^Move .* to…$/ }).count()).resolves.toBe(0);

    // The admin, on the same page, can move the chip: the viewer's fixed chip is the role's doing.
    const adminProblems = collectProblems(admin.page);
    await admin.page.goto(`${rig.runtime.url}/calendar?view=week&date=${day}`);
    const adminChip = chip(admin.page, posts.scheduled);
    await adminChip.waitFor();
    await expect(adminChip.getAttribute('draggable')).resolves.toBe('true');
    await expect(adminChip.getByRole('button', { name: /^Move .* to…$/ }).count()).resolves.toBe(1);

    // A week that is wholly ahead and empty: the admin gets a "+" on each day, the viewer none.
    const nextWeek = `/calendar?view=week&date=${addDays(day, 7)}`;
    await admin.page.goto(`${rig.runtime.url}${nextWeek}`);
    const adminAdd = admin.page.getByRole('link', { name: /^New post on / });
    await expect.poll(() => adminAdd.count()).toBe(7);
    await open(nextWeek, 'Calendar');
    await page.locator('[data-day-header]').nth(6).waitFor();
    await expect(page.getByRole('link', { name: /^New post on / }).count()).resolves.toBe(0);
    await expect(page.locator('[data-calendar-item]').count()).resolves.toBe(0);

    expect(adminProblems).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('offers no Connect on /accounts and no Upload on /media', async () => {
    await open('/accounts', 'Accounts');
    await main().getByText('@gazette').first().waitFor();
    await main().getByText('Only managers and admins connect accounts').waitFor();
    await expect(
      main()
        .getByRole('button', { name: /Connect|Disconnect|Reconnect/ })
        .count(),
    ).resolves.toBe(0);

    await open('/media', 'Media');
    await main().getByText('You can look, not change').waitFor();
    await expect(main().getByLabel('choose files').count()).resolves.toBe(0);
    await expect(
      main()
        .getByRole('button', { name: /Upload/ })
        .count(),
    ).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  it('is refused by the API when it writes a post anyway, and nothing is stored', async () => {
    const accounts = await viewer.api('GET', '/social-accounts');
    expect(accounts.status).toBe(200);
    const accountId = (accounts.body.accounts as { id: string }[])[0]?.id;
    expect(accountId).toBeDefined();
    const refused = await viewer.context.request.post(`${rig.runtime.url}/api/posts`, {
      headers: { authorization: `Bearer ${viewer.accessToken}` },
      data: { content: 'A viewer trying to post', targets: [{ socialAccountId: accountId }] },
    });
    expect(refused.status()).toBe(403);
    expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
    const problem = (await refused.json()) as { status: number; code: string; title: string };
    expect(problem).toMatchObject({ status: 403, code: 'forbidden' });

    const stored = await admin.api('GET', '/posts');
    expect(stored.status).toBe(200);
    expect(stored.body.total).toBe(3);
    const ids = (stored.body.posts as { id: string }[]).map((post) => post.id).sort();
    expect(ids).toEqual([posts.draft, posts.scheduled, posts.published].sort());
    expect(problems).toEqual([]);
  });
});
