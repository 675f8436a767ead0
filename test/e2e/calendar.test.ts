import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeWeekStart, weekDays } from '../../web/src/pages/calendar/calendar-range';
import { addDays } from '../../web/src/lib/plain-date';
import { instantOfWallTime, wallClockAt } from '../../web/src/lib/zoned-time';
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
 * The calendar in a real browser against the real local runtime: posts scheduled through
 * the API show on the viewer's wall clock, dragging or "Move to…" reschedules them (checked
 * by reading the post back from the API), a refusal puts the chip back, and live posts
 * stay put. The viewer's profile zone is Europe/Paris, unlike the browser's.
 */
const ZONE = 'Europe/Paris';
const NEW_YORK = 'America/New_York';

let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('calendar');
});

afterAll(async () => {
  await rig?.stop();
});

type Post = {
  id: string;
  status: string;
  scheduledAt: string | null;
  publishedAt: string | null;
  timezone: string;
};

async function createPost(person: SignedIn, accountId: string, content: string): Promise<string> {
  const created = await person.api('POST', '/posts', { content, targets: [{ socialAccountId: accountId }] });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function getPost(person: SignedIn, id: string): Promise<Post> {
  const read = await person.api('GET', `/posts/${id}`);
  expect(read.status).toBe(200);
  return read.body as unknown as Post;
}

/** Polls the API (never the page) until the post satisfies `done`. */
async function waitForPost(person: SignedIn, id: string, done: (post: Post) => boolean): Promise<Post> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const post = await getPost(person, id);
    if (done(post)) return post;
    if (Date.now() > deadline) throw new Error(`Post ${id} never got there: ${JSON.stringify(post)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const chip = (page: Page, id: string) => page.locator(`[data-calendar-item="${id}"]`);
const slot = (page: Page, date: string, time: string) => page.locator(`[data-slot="${date}T${time}"]`);
/**
 * A real mouse drag: Chromium starts an HTML drag only after the pointer moves a little
 * while pressed, which Playwright's `dragTo` (one jump) does not do.
 */
async function drag(page: Page, source: Locator, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 6, from.y + 6);
  await page.mouse.down();
  await page.mouse.move(from.x + 16, from.y + 16, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
  await page.mouse.up();
}

const iso = (date: string, minutes: number, zone = ZONE) =>
  new Date(instantOfWallTime(date, minutes, zone)!).toISOString();

describe('calendar', () => {
  it('shows scheduled posts on the viewer’s wall clock, reschedules by drag and keyboard, keeps live posts put', async () => {
    const person = await signedInContext(rig);
    const { page } = person;
    page.setDefaultTimeout(10_000);
    // The one 4xx provoked on purpose: moving a post into the past.
    const problems = collectProblems(page, [/status of 400/]);
    expect((await person.api('PUT', '/users/profile', { timezone: ZONE })).status).toBe(200);
    const accountId = await connectSandbox(person, 'calendar-e2e');

    // Next week in the viewer's zone, as the browser's locale starts weeks (en-US: Sunday).
    const today = wallClockAt(Date.now(), ZONE).date;
    const anchor = addDays(today, 7);
    const days = weekDays(anchor, localeWeekStart('en-US'));
    const planned = [
      { content: 'Launch day teaser for the new engine', day: days[1]!, minutes: 9 * 60 },
      { content: 'Behind the scenes at the workshop', day: days[3]!, minutes: 14 * 60 + 30 },
      { content: 'Weekend reading list for curious minds', day: days[5]!, minutes: 18 * 60 },
    ];
    const ids: string[] = [];
    for (const post of planned) {
      const id = await createPost(person, accountId, post.content);
      const localTime = `${post.day}T${String((post.minutes / 60) | 0).padStart(2, '0')}:${String(post.minutes % 60).padStart(2, '0')}`;
      const scheduled = await person.api('POST', `/posts/${id}/schedule`, { localTime, timeZone: ZONE });
      expect(scheduled.status).toBe(200);
      ids.push(id);
    }
    const [launch, workshop, reading] = ids as [string, string, string];

    await page.goto(`${rig.runtime.url}/calendar?view=week&date=${anchor}`);
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await chip(page, launch).waitFor();
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe(ZONE);
    const headers = await page.locator('[data-day-header]').all();
    expect(await Promise.all(headers.map((header) => header.getAttribute('data-day-header')))).toEqual(days);

    // Each on its day and half-hour slot, coloured as scheduled, with its network and words.
    await expect(
      slot(page, days[1]!, '09:00').locator(`[data-calendar-item="${launch}"]`).count(),
    ).resolves.toBe(1);
    await expect(
      slot(page, days[3]!, '14:30').locator(`[data-calendar-item="${workshop}"]`).count(),
    ).resolves.toBe(1);
    await expect(
      slot(page, days[5]!, '18:00').locator(`[data-calendar-item="${reading}"]`).count(),
    ).resolves.toBe(1);
    for (const id of ids) {
      await expect(chip(page, id).getAttribute('data-status')).resolves.toBe('scheduled');
      await expect(chip(page, id).getAttribute('class')).resolves.toContain('bg-indigo-50');
      await expect(chip(page, id).getByRole('img', { name: 'Sandbox' }).count()).resolves.toBe(1);
    }
    await expect(chip(page, launch).textContent()).resolves.toContain('Launch day teaser for the new');
    await expect(chip(page, launch).getByRole('link').getAttribute('href')).resolves.toBe(`/posts/${launch}`);

    // Drag the first post to the next day at 11:00: the API stores that Paris instant.
    await drag(page, chip(page, launch), slot(page, days[2]!, '11:00'));
    await slot(page, days[2]!, '11:00').locator(`[data-calendar-item="${launch}"]`).waitFor();
    const moved = await waitForPost(person, launch, (post) => post.scheduledAt === iso(days[2]!, 11 * 60));
    expect(moved.status).toBe('scheduled');
    expect(moved.timezone).toBe(ZONE);
    await page.getByRole('status').filter({ hasText: 'Rescheduled to' }).waitFor({ state: 'attached' });

    // "Move to…" into the past: the server refuses, the chip goes back, the error is shown.
    const workshopBefore = (await getPost(person, workshop)).scheduledAt;
    await chip(page, workshop)
      .getByRole('button', { name: /^Move .* to…$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(addDays(today, -1));
    await dialog.getByLabel('Time').fill('10:00');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The post was not moved' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('in the past');
    await slot(page, days[3]!, '14:30').locator(`[data-calendar-item="${workshop}"]`).waitFor();
    expect((await getPost(person, workshop)).scheduledAt).toBe(workshopBefore);

    // The keyboard way, properly: focus the action, Enter, a date and a time, Enter.
    await chip(page, workshop)
      .getByRole('button', { name: /^Move .* to…$/ })
      .focus();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Date').fill(days[4]!);
    await dialog.getByLabel('Time').fill('08:15');
    await dialog.getByLabel('Time').press('Enter');
    await slot(page, days[4]!, '08:00').locator(`[data-calendar-item="${workshop}"]`).waitFor();
    await waitForPost(person, workshop, (post) => post.scheduledAt === iso(days[4]!, 8 * 60 + 15));
    await expect(alert.count()).resolves.toBe(0);

    // Another zone for this session: the same instants, on New York's wall clock.
    await page.getByLabel('Time zone').selectOption(NEW_YORK);
    const nyWall = wallClockAt(Date.parse(iso(days[2]!, 11 * 60)), NEW_YORK);
    expect(nyWall).toEqual({ date: days[2], minutes: 5 * 60 });
    await slot(page, days[2]!, '05:00').locator(`[data-calendar-item="${launch}"]`).waitFor();
    await page.getByRole('button', { name: 'Use my zone' }).click();
    await slot(page, days[2]!, '11:00').locator(`[data-calendar-item="${launch}"]`).waitFor();

    // A published post is live: it cannot be dragged, and says why.
    const live = await createPost(person, accountId, 'Already out in the world');
    expect((await person.api('POST', `/posts/${live}/publish`)).status).toBe(202);
    const published = await waitForPost(person, live, (post) => post.status === 'published');
    const liveWall = wallClockAt(Date.parse(published.publishedAt!), ZONE);
    const failed = await createPost(person, accountId, 'This one the network refuses #fail-permanent');
    expect((await person.api('POST', `/posts/${failed}/publish`)).status).toBe(202);
    await waitForPost(person, failed, (post) => post.status === 'failed');
    await page.getByRole('button', { name: 'Today' }).click();
    await chip(page, live).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(today);
    await expect(chip(page, live).getAttribute('data-status')).resolves.toBe('published');
    await expect(chip(page, live).getAttribute('draggable')).resolves.toBe('false');
    await expect(chip(page, live).getAttribute('title')).resolves.toContain('cannot be moved');
    await expect(chip(page, live).getByRole('button').count()).resolves.toBe(0);
    const elsewhere = liveWall.minutes >= 12 * 60 ? '03:00' : '20:00';
    await drag(page, chip(page, live), slot(page, liveWall.date, elsewhere));
    await expect(
      slot(page, liveWall.date, elsewhere).locator(`[data-calendar-item="${live}"]`).count(),
    ).resolves.toBe(0);
    expect((await getPost(person, live)).publishedAt).toBe(published.publishedAt);

    // Month view: the whole month, back and forward through the URL.
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.locator('[data-calendar-view="month"]').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('month');
    await page.locator(`[data-day="${liveWall.date}"] [data-calendar-item="${live}"]`).waitFor();
    await page.locator(`[data-day="${liveWall.date}"] [data-calendar-item="${failed}"]`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, 'calendar.png'), animations: 'disabled' });
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.locator(`[data-day="${liveWall.date}"] [data-calendar-item="${live}"]`).waitFor();
    // A failed post is red and, unlike a published one, may be moved.
    await expect(chip(page, failed).getAttribute('data-status')).resolves.toBe('failed');
    await expect(chip(page, failed).getAttribute('class')).resolves.toContain('bg-rose-50');
    await expect(chip(page, failed).getAttribute('draggable')).resolves.toBe('true');

    // A reload keeps the place (it is in the URL); a drop on a month day keeps the time of day.
    await page.goto(`${rig.runtime.url}/calendar?view=month&date=${days[5]}`);
    await chip(page, reading).waitFor();
    await drag(page, chip(page, reading), page.locator(`[data-day="${days[6]}"]`));
    await page.locator(`[data-day="${days[6]}"] [data-calendar-item="${reading}"]`).waitFor();
    await waitForPost(person, reading, (post) => post.scheduledAt === iso(days[6]!, 18 * 60));

    // Day view, then back to the month with the browser's back button.
    await page.getByRole('button', { name: 'Day', exact: true }).click();
    await page.locator('[data-calendar-view="day"]').waitFor();
    await expect(page.locator('[data-day-header]').count()).resolves.toBe(1);
    await page.goBack();
    await page.locator('[data-calendar-view="month"]').waitFor();
    await page
      .getByLabel(/, day view$/)
      .first()
      .waitFor();

    expect(problems).toEqual([]);
    await person.context.close();
  }, 120_000);
});
