import { Temporal } from 'temporal-polyfill';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_CATALOG } from '../../functions/shared/platforms/catalog';
import { measureText } from '../../functions/shared/platforms/rules';
import { makePng } from '../core/media/images';
import {
  collectProblems,
  connectSandbox,
  screenshots,
  signedInContext,
  startBrowserRig,
  type BrowserRig,
} from './support/browser';

/**
 * The composer in a real browser against the real local runtime: two Sandbox accounts, a
 * main text with its live counter, one account's own text pushed past the network's limit
 * (blocked, with the reason) and fixed, a PNG uploaded through the page, and a schedule for
 * tomorrow 09:30 in Paris, checked afterwards through the API.
 */
let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('compose');
});

afterAll(async () => {
  await rig?.stop();
});

const SANDBOX_LIMIT = PLATFORM_CATALOG.sandbox.limits.maxTextLength;
const FAMILY = '👨‍👩‍👧';

interface StoredPost {
  status: string;
  timezone: string;
  mediaIds: string[];
  content: string;
  targets: {
    socialAccountId: string;
    status: string;
    scheduledAt: string | null;
    timezone: string | null;
    content: string | null;
  }[];
}

describe('composer', () => {
  it('writes, customises, uploads and schedules a post for two accounts in another zone', async () => {
    const person = await signedInContext(rig);
    const { page } = person;
    // A step that does not happen fails here, naming itself, rather than at the test timeout.
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    const ada = await connectSandbox(person, 'ada');
    const grace = await connectSandbox(person, 'grace');

    await page.goto(`${rig.runtime.url}/compose`);
    await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
    const sandbox = page.getByRole('group', { name: 'Sandbox' });
    await sandbox.getByRole('checkbox').first().waitFor();
    await expect(sandbox.getByRole('checkbox').count()).resolves.toBe(2);
    await sandbox.getByRole('checkbox').nth(0).check();
    await sandbox.getByRole('checkbox').nth(1).check();

    // Nothing written yet: scheduling is refused and says why.
    const schedule = page.getByRole('button', { name: 'Schedule' });
    await expect(schedule.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('blocking-reasons').textContent()).resolves.toContain(
      'Write something or attach media.',
    );

    const mainText = `Plume ships its composer ${FAMILY} #launch https://example.com/notes`;
    await page.getByLabel('Post text').fill(mainText);
    const mainLength = measureText('sandbox', mainText, PLATFORM_CATALOG.sandbox.limits);
    // Graphemes: the family emoji is one character, not five code points.
    expect(mainLength).toBe(mainText.length - FAMILY.length + 1);
    const counters = page.getByTestId('character-counter');
    await expect(counters.first().textContent()).resolves.toBe(`${mainLength} / ${SANDBOX_LIMIT}`);
    await expect(counters.first().getAttribute('data-tone')).resolves.toBe('ok');
    await expect(schedule.isEnabled()).resolves.toBe(true);

    // The second account's tab gets its own text, too long for the Sandbox network.
    const tabs = page.getByRole('tablist', { name: 'Networks' });
    await tabs.getByRole('tab').nth(1).click();
    await page.getByRole('button', { name: 'Customise for Sandbox' }).click();
    const own = page.getByRole('tabpanel').getByRole('textbox');
    await expect(own.inputValue()).resolves.toBe(mainText);
    await own.fill(FAMILY.repeat(SANDBOX_LIMIT + 1));
    const panelCounter = page.getByRole('tabpanel').getByTestId('character-counter');
    await expect(panelCounter.getAttribute('data-tone')).resolves.toBe('over');
    await expect(panelCounter.textContent()).resolves.toContain(`${SANDBOX_LIMIT + 1} / ${SANDBOX_LIMIT}`);
    await expect(schedule.isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('blocking-reasons').textContent()).resolves.toContain(
      `The post is ${SANDBOX_LIMIT + 1} characters long; the Sandbox network allows ${SANDBOX_LIMIT}.`,
    );
    await expect(tabs.getByRole('img', { name: 'has errors' }).count()).resolves.toBe(1);

    // Fixed: within the limit again.
    const graceText = `Grace’s own words for the launch ${FAMILY}`;
    await own.fill(graceText);
    await expect(panelCounter.getAttribute('data-tone')).resolves.toBe('ok');
    await expect(page.getByTestId('blocking-reasons').count()).resolves.toBe(0);
    await expect(page.getByRole('figure', { name: 'Preview on Sandbox' }).textContent()).resolves.toContain(
      graceText,
    );

    // A small PNG through the page, with a progress bar that reaches the end.
    const png = await makePng(64, 48);
    await page
      .locator('#compose-upload')
      .setInputFiles({ name: 'tiny.png', mimeType: 'image/png', buffer: Buffer.from(png) });
    await page.getByTestId('upload-status').getByText('tiny.png uploaded.').waitFor();
    await expect(page.getByRole('progressbar').getAttribute('value')).resolves.toBe('100');
    await page.getByRole('list', { name: 'Attached media' }).getByText('tiny.png').waitFor();

    // A time in the past is refused before asking the server.
    await page.getByLabel('Time zone').selectOption('Europe/Paris');
    const today = Temporal.Now.plainDateISO('Europe/Paris');
    await page.getByLabel('Date').fill(today.subtract({ days: 1 }).toString());
    await page.getByLabel('Time', { exact: true }).fill('09:30');
    await page.getByText('That time has already passed').waitFor();
    await expect(schedule.isDisabled()).resolves.toBe(true);

    const tomorrow = today.add({ days: 1 });
    await page.getByLabel('Date').fill(tomorrow.toString());
    await expect(schedule.isEnabled()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'compose.png'), animations: 'disabled', fullPage: true });

    await schedule.click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = new URL(page.url()).pathname.split('/').pop()!;

    const stored = await person.api('GET', `/posts/${postId}`);
    expect(stored.status).toBe(200);
    const post = stored.body as unknown as StoredPost;
    const expected = tomorrow
      .toPlainDateTime(Temporal.PlainTime.from('09:30'))
      .toZonedDateTime('Europe/Paris').epochMilliseconds;
    expect(post.status).toBe('scheduled');
    expect(post.timezone).toBe('Europe/Paris');
    expect(post.content).toBe(mainText);
    expect(post.mediaIds).toHaveLength(1);
    const byAccount = new Map(post.targets.map((t) => [t.socialAccountId, t]));
    expect([...byAccount.keys()].sort()).toEqual([ada, grace].sort());
    for (const target of post.targets) {
      expect(target.status).toBe('scheduled');
      expect(target.timezone).toBe('Europe/Paris');
      expect(new Date(target.scheduledAt!).getTime()).toBe(expected);
    }
    expect(byAccount.get(ada)!.content).toBeNull();
    expect(byAccount.get(grace)!.content).toBe(graceText);

    const library = await person.api('GET', '/media');
    const items = library.body.items as { id: string }[];
    expect(items.find((item) => item.id === post.mediaIds[0])).toMatchObject({
      fileName: 'tiny.png',
      status: 'ready',
      width: 64,
      height: 48,
    });
    expect(problems).toEqual([]);
    await person.context.close();
  });

  it('edits a saved draft, publishes it after confirming, and then refuses to edit it', async () => {
    const person = await signedInContext(rig);
    const { page } = person;
    // A step that does not happen fails here, naming itself, rather than at the test timeout.
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    const ada = await connectSandbox(person, 'hopper');
    const grace = await connectSandbox(person, 'noether');
    const created = await person.api('POST', '/posts', {
      content: 'Draft from the API',
      timezone: 'Europe/Paris',
      targets: [{ socialAccountId: ada }, { socialAccountId: grace, content: 'Grace keeps her own words' }],
    });
    expect(created.status).toBe(201);
    const postId = created.body.id as string;

    await page.goto(`${rig.runtime.url}/compose?post=${postId}`);
    await page.getByRole('heading', { level: 1, name: 'Edit post' }).waitFor();
    const main = page.getByLabel('Post text');
    await expect(main.inputValue()).resolves.toBe('Draft from the API');
    await expect(page.getByLabel('Time zone').inputValue()).resolves.toBe('Europe/Paris');
    const tabs = page.getByRole('tablist', { name: 'Networks' });
    // Targets come back in the server's order; find the tab by its account.
    await tabs.getByRole('tab', { name: /noether/i }).click();
    await expect(page.getByRole('tabpanel').getByRole('textbox').inputValue()).resolves.toBe(
      'Grace keeps her own words',
    );

    await main.fill('Edited in the composer');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(`${rig.runtime.url}/posts/${postId}`);
    const saved = (await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost;
    expect(saved.status).toBe('draft');
    expect(saved.content).toBe('Edited in the composer');
    expect(saved.targets.find((t) => t.socialAccountId === grace)!.content).toBe('Grace keeps her own words');

    // Publish now asks first; cancelling sends nothing.
    await page.goto(`${rig.runtime.url}/compose?post=${postId}`);
    await page.getByRole('button', { name: 'Publish now' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish now?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(((await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost).status).toBe(
      'draft',
    );

    await page.getByRole('button', { name: 'Publish now' }).click();
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await page.waitForURL(`${rig.runtime.url}/posts/${postId}`);
    const sent = (await person.api('GET', `/posts/${postId}`)).body as unknown as StoredPost;
    expect(sent.targets.map((t) => t.status).every((s) => ['publishing', 'published'].includes(s))).toBe(
      true,
    );

    // Once it is (being) published, the composer says so instead of offering to edit it.
    await page.goto(`${rig.runtime.url}/compose?post=${postId}`);
    await page.getByText('This post can no longer be edited').waitFor();
    await expect(page.getByLabel('Post text').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await person.context.close();
  });
});
