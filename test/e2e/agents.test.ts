import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateContentOutput as ServerGenerate } from '../../functions/core/agents/content/generate-content';
import type { ImproveContentOutput as ServerImprove } from '../../functions/core/agents/content/improve-content';
import type { SuggestHashtagsOutput as ServerHashtags } from '../../functions/core/agents/content/suggest-hashtags';
import type { AnalyzeCompetitorsOutput as ServerCompetitors } from '../../functions/core/agents/competitors/analyze-competitors';
import type { OptimizeScheduleOutput as ServerSchedule } from '../../functions/core/agents/best-time/optimize-schedule-task';
import type { PredictEngagementOutput as ServerPredict } from '../../functions/core/agents/engagement-model/predict-engagement-task';
import type { AnalyzeTrendsOutput as ServerTrends } from '../../functions/core/agents/trends/analyze-trends-task';
import type { TaskOutputs } from '../../web/src/pages/agents/task-outputs';
import { nextSlot } from '../../web/src/pages/compose/assistant/next-slot';
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
 * The agents' dashboard in a real browser against the real local runtime and its offline
 * provider: the composer's assistant writes drafts from a brief and one goes into the editor,
 * "Best time" fills the schedule fields (saying the history cannot support advice yet); a
 * manager's settings reach the server; a switched-off agent and a spent budget are refused
 * in words; a viewer sees the agents and cannot run them; nothing overflows on a phone.
 */

// The dashboard reads task outputs through its own types (the API types them as open
// objects); this stops compiling when a server output no longer fits what the pages read.
type Fits<Server, Web> = [Server] extends [Web] ? true : false;
const outputsFit: [
  Fits<ServerGenerate, TaskOutputs['content.generate']>,
  Fits<ServerImprove, TaskOutputs['content.improve']>,
  Fits<ServerHashtags, TaskOutputs['hashtags.suggest']>,
  Fits<ServerTrends, TaskOutputs['trends.analyze']>,
  Fits<ServerSchedule, TaskOutputs['schedule.optimize']>,
  Fits<ServerPredict, TaskOutputs['engagement.predict']>,
  Fits<ServerCompetitors, TaskOutputs['competitors.analyze']>,
] = [true, true, true, true, true, true, true];

let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('agents');
});

afterAll(async () => {
  await rig?.stop();
});

/** Refusals the tests provoke on purpose (Chromium logs each 4xx as a console error). */
const REFUSED = [/status of (403|409|429)/];

interface Task {
  id: string;
  taskType: string;
  status: string;
  output: Record<string, unknown> | null;
}

async function newestTask(person: SignedIn, taskType: string): Promise<Task> {
  const list = await person.api('GET', `/ai-agents/tasks?taskType=${taskType}&pageSize=1`);
  expect(list.status).toBe(200);
  const [task] = list.body.items as Task[];
  if (!task) throw new Error(`No ${taskType} task`);
  return task;
}

async function noSidewaysScroll(page: Page, width: number, what: string) {
  await expect
    .poll(() => page.locator('[role="status"][aria-label^="Loading"]').count(), { timeout: 10_000 })
    .toBe(0);
  await expect(
    page.evaluate<number>('document.documentElement.scrollWidth'),
    what,
  ).resolves.toBeLessThanOrEqual(width);
}

describe('AI agents dashboard', () => {
  it('server outputs fit the dashboard’s types', () => {
    expect(outputsFit.every(Boolean)).toBe(true);
  });

  it('the composer assistant writes drafts from a brief and inserts one; Best time fills the schedule fields', async () => {
    const person = await signedInContext(rig, { organization: 'Fernhill Bakery' });
    const { page } = person;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    const accountId = await connectSandbox(person, 'fernhill');

    await page.goto(`${rig.runtime.url}/compose`);
    await page.getByRole('heading', { level: 1, name: 'Compose' }).waitFor();
    await page.getByRole('group', { name: 'Sandbox' }).getByRole('checkbox').first().check();

    const assistant = page.getByTestId('composer-assistant');
    const brief = 'Our spring sourdough is back this weekend';
    await assistant.getByLabel('Brief').fill(brief);
    await assistant.getByRole('button', { name: 'Generate drafts' }).click();
    const drafts = assistant.getByRole('list', { name: 'Drafts' });
    await drafts.waitFor();
    // The offline provider's drafts are labelled as template text.
    await expect(assistant.getByTestId('template-note').textContent()).resolves.toContain('Template text');

    const task = await newestTask(person, 'content.generate');
    expect(task.status).toBe('completed');
    const output = task.output as unknown as TaskOutputs['content.generate'];
    expect(output.template).toBe(true);
    expect(output.drafts.map((d) => d.platform)).toEqual(['sandbox', 'sandbox']);
    await expect(drafts.getByRole('listitem').count()).resolves.toBe(2);

    // The second variant goes into the editor, as the server wrote it.
    await assistant.getByRole('button', { name: 'Insert Sandbox draft 2' }).click();
    await expect(page.getByLabel('Post text').inputValue()).resolves.toBe(output.drafts[1]!.text);
    expect(output.drafts[1]!.text).toContain(brief);

    // Best time: a new account has no history, so the agent says it cannot advise and offers
    // the network's prior slot only as such; taking it fills the date and time fields.
    const zone = await page.getByLabel('Time zone').inputValue();
    const bestTime = page.getByTestId('best-time');
    await bestTime.getByRole('button', { name: 'Best time' }).click();
    await bestTime.getByText('Your history cannot support advice on times yet').waitFor();
    const schedule = await newestTask(person, 'schedule.optimize');
    const accounts = (schedule.output as unknown as TaskOutputs['schedule.optimize']).accounts;
    expect(accounts.map((a) => a.accountId)).toEqual([accountId]);
    expect(accounts[0]!.supported).toBe(false);
    const best = accounts[0]!.ranked[0]!;
    await bestTime.getByRole('button', { name: /not learned from you/ }).click();
    const expected = nextSlot(best, zone, new Date());
    expect(expected).not.toBeNull();
    await expect(page.getByLabel('Time', { exact: true }).inputValue()).resolves.toBe(expected!.time);
    await expect(page.getByLabel('Date').inputValue()).resolves.toBe(expected!.date);

    await page.screenshot({ path: join(screenshots, 'agents-composer.png'), fullPage: true });

    // The composer still saves the inserted draft as before.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await person.api('GET', `/posts/${postId}`);
    expect(saved.body.content).toBe(output.drafts[1]!.text);

    expect(problems).toEqual([]);
    await person.context.close();
  });

  it('a manager configures an agent; a switched-off agent and a spent budget are refused in words', async () => {
    const person = await signedInContext(rig, { organization: 'Fernhill Bakery' });
    const { page } = person;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page, REFUSED);
    await connectSandbox(person, 'fernhill-two');

    await page.goto(`${rig.runtime.url}/ai-agents`);
    await page.getByRole('heading', { level: 1, name: 'AI agents' }).waitFor();
    const agents = page.getByRole('list', { name: 'Agents' });
    // The heading renders before GET /ai-agents answers: count once the cards are there.
    await agents.getByRole('listitem').last().waitFor();
    await expect(agents.getByRole('listitem').count()).resolves.toBe(8);
    await page.getByText('No AI provider is set up').waitFor();

    // Configure the content creator: voice, banned words, its own budget.
    const creator = agents.getByRole('listitem', { name: 'Content creator' });
    await creator.getByRole('button', { name: 'Configure' }).click();
    const settings = creator.getByRole('form', { name: 'Content creator settings' });
    await settings.getByLabel('Brand voice').fill('Warm, plain, first person plural');
    await settings.getByLabel('Banned words').fill('cheap\nguaranteed');
    await settings.getByLabel('Monthly budget (USD)').fill('-3');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    // The shared schema refuses a negative budget before asking the server.
    await settings.getByText('Use 0 or more').waitFor();
    await settings.getByLabel('Monthly budget (USD)').fill('4.5');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await creator.getByText('Set: brand voice, 2 banned words, own budget $4.5').waitFor();
    const listed = await person.api('GET', '/ai-agents');
    const stored = (listed.body.agents as { type: string; configuration: Record<string, unknown> }[]).find(
      (agent) => agent.type === 'content_creator',
    );
    expect(stored?.configuration).toEqual({
      brandVoice: 'Warm, plain, first person plural',
      bannedWords: ['cheap', 'guaranteed'],
      monthlyBudgetUsd: 4.5,
    });

    // Switch the trend analyzer off: its card says so, and running it is refused (409) in words.
    const trends = agents.getByRole('listitem', { name: 'Trend analyzer' });
    await trends.getByRole('button', { name: 'Configure' }).click();
    await trends.getByLabel('Switched on').uncheck();
    await trends.getByRole('button', { name: 'Save settings' }).click();
    await trends.getByText('Off', { exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Trends' }).click();
    await page.getByRole('button', { name: 'Run the agent' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('This agent is switched off', { exact: true }).waitFor();
    await expect(refusal.textContent()).resolves.toContain('a manager can switch it on');

    // The competitor monitor runs and shows its evidence (no competitors tracked yet: it says so).
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Competitors' }).click();
    await page.getByRole('button', { name: 'Run the agent' }).click();
    await page.getByTestId('latest-result').getByText('You track no competitors yet').first().waitFor();

    // An admin sets the budget to nothing: the next task is refused (429) with when it renews.
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByLabel('Monthly budget (USD)').first().fill('0');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await expect.poll(() => page.getByTestId('budget-summary').textContent()).toContain('of $0.00');
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Best times' }).click();
    await page.getByRole('button', { name: 'Run the agent' }).click();
    const spent = page.getByRole('alert');
    await spent.getByText('The AI budget for this month is spent', { exact: true }).waitFor();
    await expect(spent.getByTestId('agent-problem').textContent()).resolves.toMatch(
      /renews on \d{4}-\d{2}-\d{2}/,
    );

    // The history lists what ran, with its detail.
    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Agents' }).click();
    const history = page.getByRole('list', { name: 'Tasks' });
    await history.getByRole('listitem').first().waitFor();
    await expect(history.getByRole('listitem').count()).resolves.toBe(1);
    await history.getByRole('button', { name: /Analyze competitors/ }).click();
    await history.getByText('Tokens in / out').waitFor();

    await page.screenshot({ path: join(screenshots, 'agents-overview.png'), fullPage: true });
    expect(problems).toEqual([]);
    await person.context.close();
  });

  it('a viewer sees the agents and their results but cannot run or configure them', async () => {
    const admin = await signedInContext(rig, { organization: 'Fernhill Bakery' });
    await connectSandbox(admin, 'fernhill-three');
    const ran = await admin.api('POST', '/ai-agents/competitor/analyze', { timeZone: 'Europe/London' });
    expect(ran.status).toBe(202);
    await rig.runtime.queue.drained();

    const viewer = await inviteViewer(rig, admin);
    const { page } = viewer;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    await page.goto(`${rig.runtime.url}/ai-agents`);
    await page.getByRole('list', { name: 'Agents' }).getByRole('listitem').first().waitFor();
    await page.getByTestId('viewer-note').first().waitFor();
    await expect(page.getByRole('button', { name: 'Run', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Configure' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Save budget' }).count()).resolves.toBe(0);

    await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: 'Competitors' }).click();
    await page.getByTestId('latest-result').waitFor();
    await expect(page.getByRole('button', { name: 'Run the agent' }).count()).resolves.toBe(0);

    // The server refuses them anyway.
    const refused = await viewer.api('POST', '/ai-agents/trends/analyze', { timeZone: 'Europe/London' });
    expect(refused.status).toBe(403);
    expect(problems).toEqual([]);
    await viewer.context.close();
    await admin.context.close();
  });

  it('fits a phone: the agents page, each view and the composer assistant', async () => {
    const width = 390;
    const person = await signedInContext(rig, { viewport: { width, height: 844 } });
    const { page } = person;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    await connectSandbox(person, 'fernhill-phone');
    for (const path of ['trends/analyze', 'schedule/optimize', 'competitor/analyze']) {
      const ran = await person.api('POST', `/ai-agents/${path}`, { timeZone: 'Europe/London' });
      expect(ran.status).toBe(202);
    }
    await rig.runtime.queue.drained();

    await page.goto(`${rig.runtime.url}/ai-agents`);
    await page.getByRole('list', { name: 'Agents' }).getByRole('listitem').first().waitFor();
    await noSidewaysScroll(page, width, 'agents overview');
    for (const [tab, shown] of [
      ['Trends', 'latest-result'],
      ['Competitors', 'latest-result'],
      ['Best times', 'best-time-heatmap'],
      ['Prediction', null],
    ] as const) {
      await page.getByRole('navigation', { name: 'Agents' }).getByRole('link', { name: tab }).click();
      await expect
        .poll(() =>
          page
            .getByRole('navigation', { name: 'Agents' })
            .getByRole('link', { name: tab })
            .getAttribute('aria-current'),
        )
        .toBe('page');
      if (shown) await page.getByTestId(shown).first().waitFor();
      await noSidewaysScroll(page, width, tab);
      await page.screenshot({
        path: join(screenshots, `agents-phone-${tab.replace(' ', '-')}.png`),
        fullPage: true,
      });
    }

    await page.goto(`${rig.runtime.url}/compose`);
    await page.getByRole('group', { name: 'Sandbox' }).getByRole('checkbox').first().check();
    const assistant = page.getByTestId('composer-assistant');
    await assistant.getByLabel('Brief').fill('A long brief for a narrow screen: '.repeat(4));
    await assistant.getByRole('button', { name: 'Generate drafts' }).click();
    await assistant.getByRole('list', { name: 'Drafts' }).waitFor();
    await noSidewaysScroll(page, width, 'composer assistant');
    expect(problems).toEqual([]);
    await person.context.close();
  });
});
