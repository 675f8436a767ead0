import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAgentTask } from '../../../functions/core/agents/tasks/request-task';
import { aiAgentTasks, postPlatforms, postReviews, posts } from '../../../functions/db/schema';
import { withSystem, withTenant } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from '../analytics/support';

const T0 = new Date('2034-06-12T09:00:00.000Z');

interface Step {
  key: string;
  taskType: string;
  taskId: string;
  status: string;
}
interface Task {
  id: string;
  agentType: string;
  taskType: string;
  status: string;
  progress: number;
  errorMessage: string | null;
  userId: string | null;
  output: {
    steps: Step[];
    slots: Array<{ slot: number; accountId: string; platform: string }>;
    drafts: Array<{ slot: number; postId: string; accountId: string; proposedAt: string | null }> | null;
    summary: string;
  } | null;
}
interface Problem {
  code: string;
  errors?: { field: string }[];
}

/** The orchestrator's weekly plan on the local runtime with the offline provider. */
describe('AI agents: named workflows (weekly plan)', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let admin: TestClient;
  let manager: TestClient;
  let user: TestClient;
  let colleague: TestClient;
  let viewer: TestClient;
  let stranger: TestClient;
  let organizationId: string;
  let bluesky: string;
  let mastodon: string;

  const db = () => env.runtime.container.db;
  const plan = (postsCount: number) => ({
    accountIds: [bluesky, mastodon],
    postsCount,
    days: 7,
    goal: 'engagement',
    timeZone: 'Europe/Paris',
  });
  const finished = async (id: string) => {
    await env.runtime.queue.drained();
    return (await user.get<Task>(`/api/ai-agents/tasks/${id}`)).body;
  };
  const children = (workflowId: string) =>
    withSystem(db(), (tx) => tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.parentTaskId, workflowId)));
  const workflowPosts = async (postIds: string[]) =>
    withSystem(db(), (tx) => tx.select().from(posts).where(inArray(posts.id, postIds)));
  const orgPostCount = async () =>
    (await withSystem(db(), (tx) => tx.select().from(posts).where(eq(posts.organizationId, organizationId))))
      .length;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    admin = first.client;
    organizationId = first.organizationId;
    manager = (await env.addMember(admin, 'manager')).client;
    user = (await env.addMember(admin, 'user')).client;
    colleague = (await env.addMember(admin, 'user')).client;
    viewer = (await env.addMember(admin, 'viewer')).client;
    stranger = (await env.signUp()).client;
    const { account, published } = analyticsFixtures(db());
    bluesky = await account(organizationId, 'bluesky', 'Loaf on Bluesky');
    mastodon = await account(organizationId, 'mastodon', 'Loaf on Mastodon');
    // A few weeks of history: evening posts did better than morning ones.
    for (let day = 40; day >= 5; day -= 5)
      for (const [accountId, platform] of [
        [bluesky, 'bluesky'],
        [mastodon, 'mastodon'],
      ] as const) {
        const at = new Date(T0.getTime() - day * 86_400_000 + (day % 10 === 0 ? 9 : 10) * 3_600_000);
        await published(
          organizationId,
          accountId,
          platform,
          at.toISOString(),
          [{ at: new Date(at.getTime() + 2 * 86_400_000).toISOString(), figures: { likes: 10 + day, impressions: 1000 } }],
          { content: `Fresh sourdough from the oven, day ${day} #sourdough` },
        );
      }
  }, 120_000);
  afterAll(async () => env?.stop());

  it('lists the named workflows and their steps to a viewer', async () => {
    const answer = await viewer.get<{ workflows: Array<{ name: string; steps: Array<{ key: string }> }> }>(
      '/api/ai-agents/workflows',
    );
    expect(answer.status).toBe(200);
    expect(answer.body.workflows.map((w) => w.name)).toEqual(['weekly_plan']);
    expect(answer.body.workflows[0]!.steps.map((s) => s.key)).toEqual([
      'trends',
      'content:<slot>',
      'predict:<slot>:<variant>',
      'drafts',
      'schedule',
    ]);
  });

  it('runs to completion: N posts in review, one review row each, proposed times on draft targets; a redelivery adds nothing', async () => {
    const before = await orgPostCount();
    const asked = await user.post<Task>('/api/ai-agents/workflows/weekly_plan', plan(3));
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ agentType: 'workflow_orchestrator', taskType: 'workflow.weekly_plan' });
    const done = await finished(asked.body.id);
    expect(done.errorMessage).toBeNull();
    expect(done.status).toBe('completed');
    expect(done.progress).toBe(100);

    const output = done.output!;
    expect(output.slots.map((s) => s.accountId)).toEqual([bluesky, mastodon, bluesky]);
    expect(output.steps.map((s) => s.key)).toEqual([
      'trends',
      'content:0',
      'predict:0:1',
      'predict:0:2',
      'content:1',
      'predict:1:1',
      'predict:1:2',
      'content:2',
      'predict:2:1',
      'predict:2:2',
      'schedule',
    ]);
    expect(output.steps.every((s) => s.status === 'completed')).toBe(true);
    const steps = await children(done.id);
    expect(steps.map((s) => s.id).sort()).toEqual(output.steps.map((s) => s.taskId).sort());
    expect(steps.every((s) => s.status === 'completed' && s.userId === done.userId)).toBe(true);

    expect(output.drafts).toHaveLength(3);
    const postIds = output.drafts!.map((d) => d.postId);
    expect(await orgPostCount()).toBe(before + 3);
    const rows = await workflowPosts(postIds);
    expect(rows.every((p) => p.approvalStatus === 'in_review' && p.aiGenerated)).toBe(true);
    const reviews = await withSystem(db(), (tx) =>
      tx.select().from(postReviews).where(inArray(postReviews.postId, postIds)),
    );
    expect(reviews.map((r) => r.postId).sort()).toEqual([...postIds].sort());
    const targets = await withSystem(db(), (tx) =>
      tx.select().from(postPlatforms).where(inArray(postPlatforms.postId, postIds)),
    );
    expect(targets).toHaveLength(3);
    for (const target of targets) {
      // A proposal: the time is set, the target stays a draft (a person approves and schedules).
      expect(target.status).toBe('draft');
      expect(target.scheduledAt).not.toBeNull();
      expect(target.scheduledAt!.getTime()).toBeGreaterThan(T0.getTime());
      const draft = output.drafts!.find((d) => d.postId === target.postId)!;
      expect(draft.proposedAt).toBe(target.scheduledAt!.toISOString());
      expect(target.socialAccountId).toBe(draft.accountId);
    }

    // The same message again: the workflow has ended, nothing runs, nothing is created.
    await env.runtime.queue.send('jobs', { type: 'run-workflow', taskId: done.id });
    await env.runtime.queue.drained();
    expect(await orgPostCount()).toBe(before + 3);
    expect(await children(done.id)).toHaveLength(steps.length);
    expect((await user.get<Task>(`/api/ai-agents/tasks/${done.id}`)).body.status).toBe('completed');
    // Nor may a completed workflow be resumed.
    expect((await user.post(`/api/ai-agents/tasks/${done.id}/resume`)).status).toBe(409);
  }, 120_000);

  it('fails at a refused step with the step named, and resumes without redoing finished steps', async () => {
    const before = await orgPostCount();
    // The scheduler is off: everything up to the drafts runs, then the schedule step is refused.
    expect((await manager.put('/api/ai-agents/smart_scheduler', { isActive: false })).status).toBe(200);
    const asked = await user.post<Task>('/api/ai-agents/workflows/weekly_plan', plan(2));
    expect(asked.status).toBe(202);
    const failed = await finished(asked.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.errorMessage).toMatch(/^Step "schedule" \(schedule\.optimize\) was refused: This agent is switched off/);
    expect(failed.output!.drafts).toHaveLength(2);
    expect(await orgPostCount()).toBe(before + 2);
    const firstRun = await children(asked.body.id);
    expect(firstRun).toHaveLength(1 + 2 * 3);

    // Another user may not resume it; a viewer may not; another tenant does not see it.
    expect((await colleague.post(`/api/ai-agents/tasks/${asked.body.id}/resume`)).status).toBe(403);
    expect((await viewer.post(`/api/ai-agents/tasks/${asked.body.id}/resume`)).status).toBe(403);
    expect((await stranger.post(`/api/ai-agents/tasks/${asked.body.id}/resume`)).status).toBe(404);

    // Switched on but the month's budget set to nothing: the step is refused for the budget.
    expect((await manager.put('/api/ai-agents/smart_scheduler', { isActive: true })).status).toBe(200);
    expect((await admin.put('/api/ai-agents/budget', { monthlyBudgetUsd: 0 })).status).toBe(200);
    const resumed = await user.post<Task>(`/api/ai-agents/tasks/${asked.body.id}/resume`);
    expect(resumed.status).toBe(202);
    expect(resumed.body.status).toBe('pending');
    const refused = await finished(asked.body.id);
    expect(refused.status).toBe('failed');
    expect(refused.errorMessage).toMatch(/^Step "schedule" \(schedule\.optimize\) was refused: .*AI budget/);

    // Fixed: a manager resumes it; only the schedule step runs, the posts are the same two.
    expect((await admin.put('/api/ai-agents/budget', { monthlyBudgetUsd: 25 })).status).toBe(200);
    expect((await manager.post(`/api/ai-agents/tasks/${asked.body.id}/resume`)).status).toBe(202);
    const done = await finished(asked.body.id);
    expect(done.errorMessage).toBeNull();
    expect(done.status).toBe('completed');
    const secondRun = await children(asked.body.id);
    expect(secondRun).toHaveLength(firstRun.length + 1);
    const added = secondRun.filter((row) => !firstRun.some((old) => old.id === row.id));
    expect(added.map((row) => row.taskType)).toEqual(['schedule.optimize']);
    expect(await orgPostCount()).toBe(before + 2);
    expect(done.output!.drafts!.map((d) => d.postId)).toEqual(failed.output!.drafts!.map((d) => d.postId));
    expect(done.output!.drafts!.every((d) => d.proposedAt !== null)).toBe(true);
  }, 120_000);

  it('cancels a workflow’s pending steps with it', async () => {
    const { workflow, step } = await withTenant(db(), organizationId, async (tx) => {
      const now = env.runtime.container.clock.now();
      const workflow = await requestAgentTask(tx, {
        organizationId,
        userId: null,
        taskType: 'workflow.weekly_plan',
        input: plan(1),
        now,
      });
      const step = await requestAgentTask(tx, {
        organizationId,
        userId: null,
        taskType: 'trends.analyze',
        input: { days: 7, timeZone: 'UTC' },
        parentTaskId: workflow.id,
        now,
      });
      return { workflow, step };
    });
    expect((await manager.post(`/api/ai-agents/tasks/${workflow.id}/cancel`)).status).toBe(200);
    const [row] = await withSystem(db(), (tx) => tx.select().from(aiAgentTasks).where(eq(aiAgentTasks.id, step.id)));
    expect(row!.status).toBe('cancelled');
  });

  it('refuses a viewer (403), another tenant’s accounts (400), bad input (400), and changes nothing', async () => {
    const before = await withSystem(db(), (tx) =>
      tx
        .select()
        .from(aiAgentTasks)
        .where(and(eq(aiAgentTasks.organizationId, organizationId), eq(aiAgentTasks.agentType, 'workflow_orchestrator'))),
    );
    expect((await viewer.post('/api/ai-agents/workflows/weekly_plan', plan(1))).status).toBe(403);
    const foreign = await stranger.post<Problem>('/api/ai-agents/workflows/weekly_plan', plan(1));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.map((e) => e.field)).toEqual(['body.accountIds.0', 'body.accountIds.1']);
    for (const body of [
      { ...plan(0) },
      { ...plan(1), accountIds: [] },
      { ...plan(1), accountIds: [bluesky, bluesky] },
      { ...plan(1), timeZone: 'Mars/Olympus' },
      { ...plan(1), extra: true },
    ])
      expect((await user.post('/api/ai-agents/workflows/weekly_plan', body)).status, JSON.stringify(body)).toBe(400);
    expect((await user.post('/api/ai-agents/workflows/monthly_plan', plan(1))).status).toBe(400);
    const after = await withSystem(db(), (tx) =>
      tx
        .select()
        .from(aiAgentTasks)
        .where(and(eq(aiAgentTasks.organizationId, organizationId), eq(aiAgentTasks.agentType, 'workflow_orchestrator'))),
    );
    expect(after).toHaveLength(before.length);
  });
});
