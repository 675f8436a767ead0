import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox } from '../../functions/adapters/local';
import {
  bearerApi,
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
 * The approval flow in a real browser against the real local runtime and its offline agent
 * provider: an admin makes users' posts need approval; a user keeps an agent's draft for
 * review and cannot schedule it; a manager asks for changes from the approvals queue; the
 * user edits and sends it again; the manager approves; the user schedules it. A viewer sees
 * the queue without decisions; the new panels fit a phone.
 */

let rig: BrowserRig;

beforeAll(async () => {
  rig = await startBrowserRig('approvals');
});

afterAll(async () => {
  await rig?.stop();
});

async function linkFromMail(to: string, subject: RegExp): Promise<string> {
  await rig.runtime.queue.drained();
  const newest = (await readOutbox(rig.dataDir, to))
    .filter((message) => subject.test(message.subject))
    .at(-1);
  const link = newest?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No mail to ${to} matching ${subject} with a link`);
  return link;
}

let members = 0;

/** A member of the admin's organization in `role`, who joined through the invitation mail. */
async function inviteMember(admin: SignedIn, role: 'user' | 'manager', firstName: string): Promise<SignedIn> {
  const profile = await admin.api('GET', '/users/profile');
  if (profile.body.emailVerified !== true) {
    const verifyLink = new URL(await linkFromMail(admin.email, /Confirm your email/));
    const verified = await admin.api('POST', '/auth/verify-email', {
      token: verifyLink.searchParams.get('token'),
    });
    expect(verified.status).toBe(200);
  }
  members += 1;
  const email = `${role}-${members}-${Date.now()}@approvals.example`;
  const invited = await admin.api('POST', '/organizations/members/invite', { email, role });
  expect(invited.status).toBe(201);
  const invitation = new URL(await linkFromMail(email, /invited you/));
  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const accepted = await context.request.post(`${rig.runtime.url}/api/invitations/accept`, {
    data: {
      token: decodeURIComponent(invitation.pathname.split('/').at(-1) ?? ''),
      password: 'another long and unguessable passphrase',
      firstName,
      lastName: 'Member',
      acceptTerms: true,
    },
  });
  expect(accepted.status()).toBe(200);
  const grant = (await accepted.json()) as { accessToken: string; user: { organization: { role: string } } };
  expect(grant.user.organization.role).toBe(role);
  return { context, page: await context.newPage(), email, api: bearerApi(rig, context, grant.accessToken) };
}

/** An agent's draft kept for review through the API, as the agents page does. */
async function agentDraft(person: SignedIn, accountId: string): Promise<string> {
  const ran = await person.api('POST', '/ai-agents/content/generate', {
    brief: 'Letterpress workshop this Saturday',
    platforms: ['sandbox'],
    variants: 1,
  });
  expect(ran.status).toBe(202);
  await rig.runtime.queue.drained();
  const taskId = (ran.body as { id: string }).id;
  const kept = await person.api('POST', `/ai-agents/tasks/${taskId}/drafts`, {
    drafts: [{ index: 0, socialAccountIds: [accountId] }],
  });
  expect(kept.status).toBe(201);
  return (kept.body.posts as { id: string }[])[0]!.id;
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

describe('post approvals in the dashboard', () => {
  it('an agent draft goes through review: changes requested, edited, sent again, approved, scheduled', async () => {
    const admin = await signedInContext(rig, { organization: 'Larkspur Press' });
    admin.page.setDefaultTimeout(10_000);
    const adminProblems = collectProblems(admin.page);
    await connectSandbox(admin, 'larkspur');
    const user = await inviteMember(admin, 'user', 'Una');
    const manager = await inviteMember(admin, 'manager', 'Max');

    // The admin makes users' posts need approval.
    await admin.page.goto(`${rig.runtime.url}/settings/organization`);
    const policy = admin.page.getByRole('form', { name: 'Approval policy' });
    await policy
      .getByRole('group', { name: 'Posts need approval when written by' })
      .getByLabel('User')
      .check();
    await policy.getByRole('button', { name: 'Save approvals' }).click();
    await policy.getByText('Saved.').waitFor();
    const organization = await admin.api('GET', '/organizations');
    expect(organization.body.approvals).toEqual({
      requiredFor: ['user'],
      approverRoles: ['manager', 'admin'],
    });

    // The user writes drafts with the offline provider and keeps the first for review.
    const { page } = user;
    page.setDefaultTimeout(10_000);
    const userProblems = collectProblems(page);
    await page.goto(`${rig.runtime.url}/ai-agents`);
    const creator = page
      .getByRole('list', { name: 'Agents' })
      .getByRole('listitem', { name: 'Content creator' });
    await creator.getByRole('button', { name: 'Run' }).click();
    await creator.getByLabel('Brief').fill('Our autumn poetry chapbooks are printed');
    await creator.getByRole('button', { name: 'Write drafts' }).click();
    await creator.getByRole('list', { name: 'Drafts' }).waitFor();
    const keep = creator.getByRole('form', { name: 'Keep as drafts for review' });
    await expect(keep.getByRole('checkbox').first().isChecked()).resolves.toBe(true);
    await keep.getByRole('button', { name: 'Keep for review' }).click();
    const kept = keep.getByRole('status');
    await kept.getByText('Kept for review').waitFor();
    await kept.getByRole('link').first().click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await user.api('GET', `/posts/${postId}`);
    expect(stored.body).toMatchObject({ approvalStatus: 'in_review', aiGenerated: true });

    // In review: Schedule and Publish now are held, with the reason; the server refuses anyway.
    const panel = page.getByTestId('approval-status');
    await panel.getByText('In review').waitFor();
    await panel.locator('[title="Written by an AI agent"]').waitFor();
    await expect(page.getByRole('button', { name: 'Schedule…' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Publish now' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('approval-hold').textContent()).resolves.toContain(
      'Waiting for a reviewer',
    );
    // A user does not approve under this policy.
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    const refused = await user.api('POST', `/posts/${postId}/schedule`, {
      localTime: '2031-05-01T09:00',
      timeZone: 'Europe/London',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('approval_required');

    // The manager opens the queue and asks for changes with a comment.
    const queue = manager.page;
    queue.setDefaultTimeout(10_000);
    const managerProblems = collectProblems(queue);
    await queue.goto(`${rig.runtime.url}/approvals`);
    // The sidebar counts what waits.
    await expect.poll(() => queue.getByTestId('approvals-count').textContent()).toBe('1 awaiting approval');
    const item = queue.locator(`[data-post-id="${postId}"]`);
    await item.locator('[title="Written by an AI agent"]').waitFor();
    await item.getByText('By Una Member').waitFor();
    await item.getByRole('button', { name: 'Request changes' }).click();
    await item.getByLabel('What should change').fill('Name the printer and the paper, please.');
    await item.getByRole('button', { name: 'Send the request' }).click();
    await queue.getByText('Nothing awaits approval').waitFor();
    await expect.poll(() => queue.getByTestId('approvals-count').count()).toBe(0);

    // The user sees the request and its comment, edits in the composer (which holds Schedule
    // and Publish now, saying why) and sends it for review again from there.
    await page.reload();
    await page.getByTestId('approval-status').getByText('Changes requested').waitFor();
    const history = page.getByRole('list', { name: 'Review history' });
    await history.getByText('Name the printer and the paper, please.').waitFor();
    await history.getByText('Max Member').waitFor();
    await page.getByRole('link', { name: 'Edit' }).click();
    const text = page.getByLabel('Post text');
    await expect.poll(() => text.inputValue()).not.toBe('');
    await text.fill('Autumn chapbooks, printed by Larkspur on Fabriano paper.');
    await expect(page.getByTestId('composer-review-note').textContent()).resolves.toContain(
      'This post needs approval before it can be scheduled or published.',
    );
    await expect(page.getByRole('button', { name: 'Schedule', exact: true }).isDisabled()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('button', { name: 'Publish now' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.waitForURL(new RegExp(`/posts/${postId}$`));
    await page.getByTestId('approval-status').getByText('In review').waitFor();
    const resent = await user.api('GET', `/posts/${postId}`);
    expect(resent.body).toMatchObject({
      content: 'Autumn chapbooks, printed by Larkspur on Fabriano paper.',
      approvalStatus: 'in_review',
    });

    // The manager approves from the queue.
    await queue.reload();
    await queue.locator(`[data-post-id="${postId}"]`).getByRole('button', { name: 'Approve' }).click();
    await queue.getByText('Nothing awaits approval').waitFor();

    // The user schedules it; the post shows Scheduled.
    await page.reload();
    await page.getByTestId('approval-status').getByText('Approved').waitFor();
    await page.getByRole('button', { name: 'Schedule…' }).click();
    await page.getByRole('button', { name: 'Schedule for this time' }).click();
    await page.locator('main').getByText('Scheduled', { exact: true }).first().waitFor();
    const scheduled = await user.api('GET', `/posts/${postId}`);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', approvalStatus: 'approved' });
    const reviews = await user.api('GET', `/posts/${postId}/reviews`);
    expect((reviews.body.reviews as { action: string }[]).map((r) => r.action)).toEqual([
      'submitted',
      'changes_requested',
      'submitted',
      'approved',
    ]);
    await page.screenshot({ path: join(screenshots, 'approvals-post.png'), fullPage: true });

    expect(adminProblems).toEqual([]);
    expect(userProblems).toEqual([]);
    expect(managerProblems).toEqual([]);
    for (const person of [user, manager, admin]) await person.context.close();
  });

  it('a viewer sees the queue and the review, with no decision to take', async () => {
    const admin = await signedInContext(rig, { organization: 'Larkspur Press' });
    const accountId = await connectSandbox(admin, 'larkspur-two');
    const postId = await agentDraft(admin, accountId);
    const viewer = await inviteViewer(rig, admin);
    const { page } = viewer;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);

    await page.goto(`${rig.runtime.url}/approvals`);
    await page.getByText('Your role does not approve posts').waitFor();
    await page.locator(`[data-post-id="${postId}"]`).waitFor();
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Request changes' }).count()).resolves.toBe(0);

    await page.goto(`${rig.runtime.url}/posts/${postId}`);
    await page.getByTestId('approval-status').getByText('In review').waitFor();
    await page.getByRole('list', { name: 'Review history' }).waitFor();
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Comment').count()).resolves.toBe(0);

    // The viewer reads the policy and cannot change it.
    await page.goto(`${rig.runtime.url}/settings/organization`);
    const policy = page.getByRole('form', { name: 'Approval policy' });
    await expect(policy.getByLabel('Manager').first().isDisabled()).resolves.toBe(true);
    await expect(policy.getByRole('button', { name: 'Save approvals' }).count()).resolves.toBe(0);

    const approve = await viewer.api('POST', `/posts/${postId}/approve`, {});
    expect(approve.status).toBe(403);
    expect(problems).toEqual([]);
    await viewer.context.close();
    await admin.context.close();
  });

  it('fits a phone: a post sent for review from its panel, the queue, the crisis tab and the policy card', async () => {
    const width = 390;
    const person = await signedInContext(rig, { viewport: { width, height: 844 } });
    const { page } = person;
    page.setDefaultTimeout(10_000);
    const problems = collectProblems(page);
    const accountId = await connectSandbox(person, 'larkspur-phone');
    const postId = await agentDraft(person, accountId);
    // The admin's own posts need approval too: a post of theirs starts pending.
    const policy = await person.api('PUT', '/organizations', {
      approvals: { requiredFor: ['admin'], approverRoles: ['manager', 'admin'] },
    });
    expect(policy.status).toBe(200);
    const own = await person.api('POST', '/posts', {
      content: 'Our own words, for a second pair of eyes',
      targets: [{ socialAccountId: accountId }],
    });
    expect(own.body.approvalStatus).toBe('pending');

    await page.goto(`${rig.runtime.url}/posts/${own.body.id as string}`);
    await page.getByTestId('approval-status').getByText('Needs approval').waitFor();
    await expect(page.getByTestId('approval-hold').textContent()).resolves.toContain('send it for review');
    await page.getByLabel('Comment').fill('Checked the spelling; over to you.');
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByTestId('approval-status').getByText('In review').waitFor();
    await page
      .getByRole('list', { name: 'Review history' })
      .getByText('Checked the spelling; over to you.')
      .waitFor();
    await noSidewaysScroll(page, width, 'post approval panel');
    await page.screenshot({ path: join(screenshots, 'approvals-phone-post.png'), fullPage: true });

    await page.goto(`${rig.runtime.url}/approvals`);
    await expect.poll(() => page.locator('[data-post-id]').count()).toBe(2);
    const item = page.locator(`[data-post-id="${postId}"]`);
    await item.getByRole('button', { name: 'Request changes' }).click();
    await item.getByLabel('What should change').waitFor();
    await noSidewaysScroll(page, width, 'approvals queue');
    await page.screenshot({ path: join(screenshots, 'approvals-phone-queue.png'), fullPage: true });

    await page.goto(`${rig.runtime.url}/ai-agents?view=crisis`);
    await page.getByText('No open alert').waitFor();
    await page.getByLabel('Sentiment').selectOption('negative');
    await page.getByText('No mentions with this sentiment yet').waitFor();
    await noSidewaysScroll(page, width, 'crisis tab');

    await page.goto(`${rig.runtime.url}/ai-agents`);
    const creator = page
      .getByRole('list', { name: 'Agents' })
      .getByRole('listitem', { name: 'Content creator' });
    await creator.getByRole('button', { name: 'Run' }).click();
    await creator.getByLabel('Brief').fill('A long brief for a narrow screen: '.repeat(4));
    await creator.getByRole('button', { name: 'Write drafts' }).click();
    await creator.getByRole('form', { name: 'Keep as drafts for review' }).waitFor();
    await noSidewaysScroll(page, width, 'keep drafts');

    await page.goto(`${rig.runtime.url}/settings/organization`);
    await page.getByRole('form', { name: 'Approval policy' }).waitFor();
    await noSidewaysScroll(page, width, 'approvals card');
    expect(problems).toEqual([]);
    await person.context.close();
  });
});
