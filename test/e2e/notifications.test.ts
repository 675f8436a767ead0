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
 * The notifications page and the top bar's bell in a real browser against the real local
 * runtime: the Sandbox network publishes (and refuses `#fail-permanent` posts) through the
 * real queue and publisher, which writes the author's notifications; every action on the page
 * is checked by reading the API back, and the bell follows a new outcome over the WebSocket.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('notifications');
});

afterAll(async () => {
  await rig?.stop();
});

interface ApiNotification {
  id: string;
  type: string;
  severity: string;
  title: string;
  link: string | null;
  readAt: string | null;
}

interface ApiNotificationList {
  items: ApiNotification[];
  total: number;
  unreadCount: number;
}

interface ApiPreference {
  type: string;
  label: string;
  inApp: boolean;
  email: boolean;
}

/** Creates a post on the account and publishes it at once; returns its id. */
async function publishPost(person: SignedIn, accountId: string, content: string): Promise<string> {
  const created = await person.api('POST', '/posts', { content, targets: [{ socialAccountId: accountId }] });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await person.api('POST', `/posts/${id}/publish`)).status).toBe(202);
  return id;
}

/** The test (not the page) waits on the API for the publisher to finish. */
async function waitForStatus(person: SignedIn, id: string, status: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await person.api('GET', `/posts/${id}`);
    if (found.body.status === status) return;
    if (Date.now() > deadline) throw new Error(`post ${id} is ${String(found.body.status)}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function notifications(person: SignedIn): Promise<ApiNotificationList> {
  const list = await person.api('GET', '/notifications?pageSize=100');
  expect(list.status).toBe(200);
  return list.body as unknown as ApiNotificationList;
}

function forPost(list: ApiNotificationList, postId: string): ApiNotification {
  const found = list.items.find((item) => item.link === `/posts/${postId}`);
  if (!found) throw new Error(`no notification links to post ${postId}`);
  return found;
}

describe('notifications', () => {
  it('lists outcomes, marks read, deletes, follows the publisher live and saves preferences', async () => {
    const person = await signedInContext(rig, { organization: 'Notified Gazette' });
    const { page } = person;
    page.setDefaultTimeout(15_000);
    const problems = collectProblems(page);
    const accountId = await connectSandbox(person, 'notified');

    const publishedId = await publishPost(person, accountId, 'Hello world, this one goes live');
    const failedId = await publishPost(person, accountId, 'Launch announcement #fail-permanent');
    await waitForStatus(person, publishedId, 'published');
    await waitForStatus(person, failedId, 'failed');
    const before = await notifications(person);
    expect(before.unreadCount).toBe(2);
    const published = forPost(before, publishedId);
    const failed = forPost(before, failedId);
    expect(published.severity).toBe('success');
    expect(failed.severity).toBe('error');

    await page.goto(`${rig.runtime.url}/notifications`);
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const banner = page.getByRole('banner');
    const bell = (name: string) => banner.getByRole('link', { name, exact: true });
    await bell('Notifications, 2 unread').waitFor();
    await expect(bell('Notifications, 2 unread').getAttribute('href')).resolves.toBe('/notifications');

    // Newest first, both unread; the refusal looks like an error and leads to its post.
    const items = page.getByRole('list', { name: 'Notifications' }).locator('[data-notification-id]');
    await expect.poll(() => items.count()).toBe(2);
    await expect(items.first().getAttribute('data-notification-id')).resolves.toBe(before.items[0]!.id);
    const failedItem = page.locator(`[data-notification-id="${failed.id}"]`);
    const publishedItem = page.locator(`[data-notification-id="${published.id}"]`);
    await expect(failedItem.getAttribute('data-severity')).resolves.toBe('error');
    await expect(failedItem.getAttribute('class')).resolves.toContain('border-l-rose-500');
    await expect(failedItem.getAttribute('data-unread')).resolves.toBe('true');
    await expect(
      failedItem.getByRole('link', { name: `Error, unread: ${failed.title}` }).getAttribute('href'),
    ).resolves.toBe(`/posts/${failedId}`);
    await expect(publishedItem.getAttribute('data-severity')).resolves.toBe('success');
    await expect(publishedItem.getAttribute('class')).resolves.toContain('border-l-emerald-500');
    await page.getByRole('button', { name: 'Unread (2)' }).waitFor();
    await page.screenshot({
      path: join(screenshots, 'notifications.png'),
      fullPage: true,
      animations: 'disabled',
    });

    // Mark one read: the bell and the API agree.
    await publishedItem.getByRole('button', { name: `Mark as read: ${published.title}` }).click();
    await bell('Notifications, 1 unread').waitFor();
    await expect(publishedItem.getAttribute('data-unread')).resolves.toBe('false');
    const afterOne = await notifications(person);
    expect(afterOne.unreadCount).toBe(1);
    expect(forPost(afterOne, publishedId).readAt).not.toBeNull();
    expect(forPost(afterOne, failedId).readAt).toBeNull();

    // Mark all read.
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await bell('Notifications, none unread').waitFor();
    await expect(failedItem.getAttribute('data-unread')).resolves.toBe('false');
    await expect(page.getByRole('button', { name: 'Mark all as read' }).isDisabled()).resolves.toBe(true);
    expect((await notifications(person)).unreadCount).toBe(0);

    // The Unread filter lives in the URL and survives a reload; nothing is left unread.
    await page.getByRole('button', { name: 'Unread (0)' }).click();
    await page.waitForURL(/[?&]show=unread/);
    await page.getByText('You are all caught up').waitFor();
    await page.reload();
    await page.getByText('You are all caught up').waitFor();
    await expect(page.getByRole('button', { name: 'Unread (0)' }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Show all' }).click();
    await page.waitForURL((url) => url.search === '');
    await expect.poll(() => items.count()).toBe(2);

    // Delete one: gone from the page and from the API.
    await publishedItem.getByRole('button', { name: `Delete: ${published.title}` }).click();
    await expect.poll(() => items.count()).toBe(1);
    const afterDelete = await notifications(person);
    expect(afterDelete.total).toBe(1);
    expect(afterDelete.items.map((item) => item.id)).toEqual([failed.id]);

    // With the page open, the publisher's next outcome reaches the bell and the list without
    // a reload (the push of the target's move invalidates the notifications).
    await page.evaluate('window.__samePage = true');
    const liveId = await publishPost(person, accountId, 'A third post, published while you watch');
    await bell('Notifications, 1 unread').waitFor();
    await expect.poll(() => items.count()).toBe(2);
    await expect(page.evaluate('window.__samePage')).resolves.toBe(true);
    const live = forPost(await notifications(person), liveId);
    expect(live.readAt).toBeNull();

    // Opening it leads to the post and marks it read.
    await page
      .locator(`[data-notification-id="${live.id}"]`)
      .getByRole('link', { name: `Success, unread: ${live.title}` })
      .click();
    await page.waitForURL(new RegExp(`/posts/${liveId}$`));
    await bell('Notifications, none unread').waitFor();
    expect(forPost(await notifications(person), liveId).readAt).not.toBeNull();

    // Preferences: switch "post published" off; the API keeps it, and the next success is quiet.
    await page.goto(`${rig.runtime.url}/notifications`);
    const preference = page
      .locator('[data-preference="post.published"]')
      .getByRole('switch', { name: 'Post published In app' });
    await expect(preference.getAttribute('aria-checked')).resolves.toBe('true');
    await preference.click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved: .+ off\.$/ })
      .waitFor();
    await expect(preference.getAttribute('aria-checked')).resolves.toBe('false');
    const settings = await person.api('GET', '/notifications/settings');
    expect(settings.status).toBe(200);
    const preferences = settings.body.preferences as ApiPreference[];
    expect(preferences.find((item) => item.type === 'post.published')?.inApp).toBe(false);
    expect(preferences.find((item) => item.type === 'post.failed')?.inApp).toBe(true);
    await page.reload();
    await expect(preference.getAttribute('aria-checked')).resolves.toBe('false');

    // Email is its own switch: on by default for failures; switching it off keeps the in-app one.
    const failedRow = page.locator('[data-preference="post.failed"]');
    const failedEmail = failedRow.getByRole('switch', { name: 'Post failed Email' });
    await expect(failedEmail.getAttribute('aria-checked')).resolves.toBe('true');
    await failedEmail.click();
    await page.getByRole('status').filter({ hasText: 'Saved: Post failed by email off.' }).waitFor();
    const afterEmail = (await person.api('GET', '/notifications/settings')).body
      .preferences as ApiPreference[];
    expect(afterEmail.find((item) => item.type === 'post.failed')).toMatchObject({
      inApp: true,
      email: false,
    });
    await expect(
      failedRow.getByRole('switch', { name: 'Post failed In app' }).getAttribute('aria-checked'),
    ).resolves.toBe('true');

    const quietId = await publishPost(person, accountId, 'Published with that notice switched off');
    await waitForStatus(person, quietId, 'published');
    const quiet = await notifications(person);
    expect(quiet.items.some((item) => item.link === `/posts/${quietId}`)).toBe(false);
    expect(quiet.total).toBe(2);

    expect(problems).toEqual([]);
    await person.context.close();
  }, 120_000);
});
