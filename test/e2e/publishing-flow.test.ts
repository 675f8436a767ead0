import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../functions/adapters/local/manual-clock';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';
import { join } from 'node:path';

/**
 * Plume's promise, end to end in a real browser: a person composes a post, schedules it two
 * minutes ahead on the Sandbox network, and watches it turn Published on the post's page
 * without reloading. The runtime's clock is injected and moved by the test, so "two minutes
 * later" takes no time; everything else is real: the scheduler's stored schedule firing, the
 * publish queue, the publisher's claim, the Sandbox network, the WebSocket push.
 */
let rig: BrowserRig;
const clock = new ManualClock(Date.now());

beforeAll(async () => {
  rig = await startBrowserRig('publishing', { clock, schedulerIntervalMs: 100 });
});

afterAll(async () => {
  await rig?.stop();
});

/** The wall clock of an instant in UTC, as the composer's date and time inputs take it. */
const wallClockUtc = (at: Date) => ({
  date: at.toISOString().slice(0, 10),
  time: at.toISOString().slice(11, 16),
});

interface StoredPost {
  status: string;
  scheduledAt: string | null;
  targets: { status: string; platformPostUrl: string | null; publishedAt: string | null }[];
}

describe('publishing, end to end', () => {
  it('composes, schedules two minutes ahead on the Sandbox, and turns Published live', async () => {
    const person = await signedInContext(rig, { organization: 'Live Publishing' });
    const { page } = person;
    page.setDefaultTimeout(15_000);
    const problems = collectProblems(page);
    expect((await person.api('PUT', '/users/profile', { timezone: 'UTC' })).status).toBe(200);
    await connectSandbox(person, 'lovelace');

    await page.goto(`${rig.runtime.url}/compose`);
    await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
    await page.getByRole('group', { name: 'Sandbox' }).getByRole('checkbox').first().check();
    const text = 'Notes on the analytical engine, published by Plume on time #history';
    await page.getByLabel('Post text').fill(text);

    // Two minutes ahead of the server's clock, at minute precision like the time input.
    const due = new Date(Math.ceil((clock.now().getTime() + 2 * 60_000) / 60_000) * 60_000);
    const wall = wallClockUtc(due);
    await page.getByLabel('Time zone').selectOption('UTC');
    await page.getByLabel('Date').fill(wall.date);
    await page.getByLabel('Time', { exact: true }).fill(wall.time);
    await page.getByRole('button', { name: 'Schedule' }).click();

    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = new URL(page.url()).pathname.split('/').pop()!;
    const target = page.locator('[data-target-id]').first();
    await target.locator('[data-status="scheduled"]').waitFor();
    const scheduled = (await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost;
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.scheduledAt).toBe(due.toISOString());

    // The page is never reloaded from here on: a marker on `window` would not survive it.
    await page.evaluate('window.__stillTheSamePage = true');
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });

    // A minute early nothing happens: the schedule waits for its time.
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(((await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost).status).toBe(
      'scheduled',
    );

    // Its time comes: the stored schedule fires, the publisher posts to the Sandbox, and the
    // push turns the page Published, with the link to the live post.
    clock.set(due.getTime() + 1_000);
    await target.locator('[data-status="published"]').waitFor();
    await page.locator('[data-status="published"]').first().waitFor();
    await page
      .getByTestId('post-announcer')
      .filter({ hasText: /published/i })
      .waitFor({ state: 'attached' });
    const live = target.getByRole('link', { name: /live post|view on/i });
    await live.first().waitFor();
    await page.screenshot({ path: join(screenshots, 'published-live.png'), animations: 'disabled' });

    expect(navigations).toBe(0);
    await expect(page.evaluate('window.__stillTheSamePage')).resolves.toBe(true);

    // The API and the network agree: published once, at its time, on the Sandbox feed.
    const published = (await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost;
    expect(published.status).toBe('published');
    expect(published.targets).toHaveLength(1);
    const [only] = published.targets;
    expect(new Date(only!.publishedAt!).getTime() - due.getTime()).toBeLessThan(5_000);
    expect(only!.platformPostUrl).toContain('/api/sandbox/feed');
    const account = await person.api('GET', '/sandbox/accounts/lovelace');
    const posts = account.body.posts as { text: string }[];
    expect(posts.filter((post) => post.text === text)).toHaveLength(1);
    expect(problems).toEqual([]);
    await person.context.close();
  });
});
