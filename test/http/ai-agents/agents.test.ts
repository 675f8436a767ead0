import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestAgentTask } from '../../../functions/core/agents/tasks/request-task';
import { withTenant } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from '../analytics/support';

const T0 = new Date('2034-05-20T09:00:00.000Z');
type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
interface Task {
  id: string;
  agentType: string;
  taskType: string;
  status: string;
  progress: number;
  input: Record<string, unknown>;
  output: Record<string, unknown> | null;
  errorMessage: string | null;
  model: string | null;
  costUsd: number | null;
  userId: string | null;
}
interface Draft {
  platform: string;
  variant: number;
  text: string;
  hashtags: string[];
  check: { valid: boolean; issues: Array<{ code: string; severity: string }>; bannedWords: string[] };
}

/** The agents area with the offline provider (no AI provider set up), on the local runtime. */
describe('AI agents API', () => {
  let env: Env;
  let admin: TestClient;
  let manager: TestClient;
  let user: TestClient;
  let colleague: TestClient;
  let viewer: TestClient;
  let other: TestClient;
  let organizationId: string;
  let userId: string;
  let blueskyId: string;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    admin = first.client;
    manager = (await env.addMember(admin, 'manager')).client;
    const member = await env.addMember(admin, 'user');
    user = member.client;
    userId = member.userId;
    organizationId = first.organizationId;
    colleague = (await env.addMember(admin, 'user')).client;
    viewer = (await env.addMember(admin, 'viewer')).client;
    other = (await env.signUp()).client;
    const { account, published } = analyticsFixtures(env.runtime.container.db);
    const org = first.organizationId;
    const bluesky = await account(org, 'bluesky', 'Loaf on Bluesky');
    blueskyId = bluesky;
    // A history: posts with #sourdough did 1.4 to 1.9 times the account's median (21 likes per
    // 1,000 impressions); those with #bakery mostly did worse (median 0.57).
    const day = (n: number) => new Date(T0.getTime() - n * 86_400_000).toISOString();
    const posts: Array<[number, string, number]> = [
      [40, 'Our sourdough starter turns ten #sourdough', 40],
      [35, 'Rye sourdough loaves, baked this morning #sourdough', 30],
      [30, 'Opening hours change on Monday #bakery', 10],
      [25, 'New croissants on the counter #bakery', 12],
      [20, 'We are hiring a baker', 8],
      [15, 'Sourdough class this Saturday #sourdough #bakery', 36],
    ];
    for (const [ago, content, likes] of posts)
      await published(
        org,
        bluesky,
        'bluesky',
        day(ago),
        [{ at: day(ago - 5), figures: { likes, impressions: 1000 } }],
        {
          content,
        },
      );
  }, 120_000);

  afterAll(async () => {
    await env?.stop();
  });

  const finished = async (client: TestClient, id: string) => {
    await env.runtime.queue.drained();
    const answer = await client.get<Task>(`/api/ai-agents/tasks/${id}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('lists the eight agents with their defaults, this month’s use, the budget and the provider', async () => {
    const answer = await viewer.get<{
      agents: Array<{
        type: string;
        isActive: boolean;
        configuration: object;
        usage: { tasksThisMonth: number };
      }>;
      budget: { monthlyBudgetUsd: number; spentThisMonthUsd: number; remainingUsd: number; resetsAt: string };
      provider: string;
    }>('/api/ai-agents');
    expect(answer.status).toBe(200);
    expect(answer.body.agents.map((agent) => agent.type)).toEqual([
      'content_creator',
      'trend_analyzer',
      'engagement_optimizer',
      'smart_scheduler',
      'performance_tracker',
      'competitor_monitor',
      'crisis_manager',
      'workflow_orchestrator',
    ]);
    expect(answer.body.agents.every((agent) => agent.isActive && agent.usage.tasksThisMonth === 0)).toBe(
      true,
    );
    expect(answer.body.budget).toEqual({
      monthlyBudgetUsd: 25,
      spentThisMonthUsd: 0,
      remainingUsd: 25,
      resetsAt: '2034-06-01T00:00:00.000Z',
    });
    expect(answer.body.provider).toBe('offline');
  });

  let generatedId: string;
  it('drafts per network and variant in the background, checked with each network’s rules, from the history', async () => {
    const asked = await user.post<Task>('/api/ai-agents/content/generate', {
      brief: 'A sourdough tasting evening at the bakery next Friday',
      platforms: ['bluesky', 'instagram'],
      variants: 2,
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      agentType: 'content_creator',
      taskType: 'content.generate',
      status: 'pending',
      progress: 0,
      output: null,
      input: {
        brief: 'A sourdough tasting evening at the bakery next Friday',
        variants: 2,
        goal: 'engagement',
        includeHashtags: true,
      },
    });
    generatedId = asked.body.id;
    const task = await finished(user, generatedId);
    // Template drafts: no model was called, nothing was spent.
    expect(task).toMatchObject({
      status: 'completed',
      progress: 100,
      model: null,
      costUsd: 0,
      errorMessage: null,
    });
    const output = task.output as {
      drafts: Draft[];
      template: boolean;
      examples: Array<{ text: string; lift: number; memoryId: string | null; similarity: number | null }>;
      memory: { embedder: string; lexical: boolean; used: Array<{ id: string; similarity: number }> };
      hashtagEvidence: Array<{ tag: string; posts: number; medianLift: number }>;
    };
    expect(output.template).toBe(true);
    expect(output.drafts.map((d) => [d.platform, d.variant])).toEqual([
      ['bluesky', 1],
      ['bluesky', 2],
      ['instagram', 1],
      ['instagram', 2],
    ]);
    // The history's best tag is used; #bakery, below the account's usual, is not.
    expect(output.hashtagEvidence.find((e) => e.tag === 'sourdough')).toMatchObject({
      posts: 3,
      medianLift: 1.71,
    });
    expect(output.hashtagEvidence.find((e) => e.tag === 'bakery')).toMatchObject({
      posts: 3,
      medianLift: 0.57,
    });
    expect(output.drafts[0]!.hashtags).toEqual(['sourdough']);
    expect(output.drafts[0]!.hashtags).toContain('sourdough');
    expect(output.drafts[0]!.text).toContain('#sourdough');
    expect(output.drafts[0]!.check.valid).toBe(true);
    // Instagram needs a picture: said, for the composer, while the text itself is fine.
    expect(output.drafts[2]!.check.issues.map((i) => i.code)).toContain('media_required');
    expect(output.examples[0]!.text).toContain('sourdough');
    // The examples came from memory, nearest the brief first, and the output says which rows.
    expect(output.memory).toMatchObject({ embedder: 'local', lexical: true });
    expect(output.memory.used.map((m) => m.id)).toEqual(
      output.examples.filter((e) => e.memoryId).map((e) => e.memoryId),
    );
    expect(output.examples[0]!.similarity).toBeGreaterThan(0);
  });

  it('checks drafts against the banned words a manager sets, and only managers configure agents', async () => {
    expect(
      (await user.put('/api/ai-agents/content_creator', { configuration: { bannedWords: ['tasting'] } }))
        .status,
    ).toBe(403);
    const configured = await manager.put<{ configuration: { bannedWords: string[] } }>(
      '/api/ai-agents/content_creator',
      {
        configuration: { bannedWords: ['tasting'], brandVoice: 'Warm and plain' },
      },
    );
    expect(configured.status).toBe(200);
    expect(configured.body.configuration).toEqual({ bannedWords: ['tasting'], brandVoice: 'Warm and plain' });
    const asked = await user.post<Task>('/api/ai-agents/content/generate', {
      brief: 'A sourdough tasting evening',
      platforms: ['bluesky'],
      variants: 1,
    });
    const output = (await finished(user, asked.body.id)).output as { drafts: Draft[] };
    expect(output.drafts[0]!.check).toMatchObject({ valid: false, bannedWords: ['tasting'] });
  });

  it('improves a text toward a goal and suggests hashtags from the history', async () => {
    const improved = await user.post<Task>('/api/ai-agents/content/improve', {
      text: 'Fresh bread. Warm rolls. Cakes on Sunday.',
      platform: 'bluesky',
      goal: 'shorter',
    });
    expect(improved.status).toBe(202);
    const done = await finished(user, improved.body.id);
    expect(done.output).toMatchObject({
      text: 'Fresh bread. Warm rolls.',
      template: true,
      changes: ['Kept the first 2 of 3 sentences.'],
    });
    const tags = await user.post<Task>('/api/ai-agents/hashtags/suggest', {
      text: 'Sourdough bread for the weekend',
      platform: 'bluesky',
      count: 3,
    });
    const suggestions = (await finished(user, tags.body.id)).output as {
      suggestions: Array<{ tag: string; source: string }>;
    };
    expect(suggestions.suggestions[0]).toMatchObject({ tag: 'sourdough', source: 'history' });
  });

  it('says competitors cannot be analysed before any is tracked', async () => {
    const asked = await user.post<Task>('/api/ai-agents/competitor/analyze', {
      days: 30,
      timeZone: 'Europe/Paris',
    });
    const output = (await finished(user, asked.body.id)).output;
    expect(output).toMatchObject({ supported: false, reason: 'No tracked competitors.', opportunities: [] });
  });

  it('says when the history is too thin to tell a trend from a term’s usual use', async () => {
    const asked = await user.post<Task>('/api/ai-agents/trends/analyze', {
      days: 7,
      timeZone: 'Europe/Paris',
    });
    expect(asked.status).toBe(202);
    const output = (await finished(user, asked.body.id)).output as {
      bursts: unknown[];
      support: { supported: boolean; reason?: string };
      summary: string;
    };
    expect(output.bursts).toEqual([]);
    expect(output.support.supported).toBe(false);
    expect(output.support.reason).toContain('at least 30 are needed');
    expect(output.summary).toBe(output.support.reason);
  });

  it('gives best times (or why not) and places a draft in the coming days, keeping it a draft', async () => {
    const draft = await user.post<{ id: string }>('/api/posts', {
      content: 'Friday tasting',
      targets: [{ socialAccountId: blueskyId }],
    });
    expect(draft.status).toBe(201);
    const asked = await user.post<Task>('/api/ai-agents/schedule/optimize', {
      timeZone: 'Europe/Paris',
      postIds: [draft.body.id, '00000000-0000-4000-8000-000000000000'],
      days: 7,
      apply: true,
    });
    expect(asked.status).toBe(202);
    const task = await finished(user, asked.body.id);
    expect(task.status).toBe('completed');
    const output = task.output as {
      accounts: Array<{ accountId: string; supported: boolean; reason?: string }>;
      plan: {
        planned: Array<{ draftId: string; at: string; basis: string; timeZone: string }>;
        unplaced: unknown[];
      } | null;
      applied: number;
      skipped: Array<{ postId: string; reason: string }>;
    };
    // Six measured posts: too few to rank the week's hours.
    expect(output.accounts).toHaveLength(1);
    expect(output.accounts[0]).toMatchObject({ accountId: blueskyId, supported: false });
    expect(output.skipped).toEqual([
      { postId: '00000000-0000-4000-8000-000000000000', reason: 'No such post in this organization.' },
    ]);
    const planned = output.plan?.planned ?? [];
    // Placed on the network's curve (the account's own history cannot rank hours yet), and said so.
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ basis: 'prior', timeZone: 'Europe/Paris' });
    expect(output.applied).toBe(planned.length);
    const post = await user.get<{ status: string; scheduledAt: string | null }>(
      `/api/posts/${draft.body.id}`,
    );
    expect(post.body.status).toBe('draft');
    expect(post.body.scheduledAt).toBe(planned[0]?.at ?? null);
  });

  it('predicts a draft’s engagement from priors on a thin history, says so, and backtests what it can', async () => {
    const asked = await user.post<Task>('/api/ai-agents/engagement/predict', {
      text: 'Sourdough tasting on Friday #sourdough',
      accountId: blueskyId,
      scheduledAt: '2034-05-23T16:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
    expect(asked.status).toBe(202);
    const output = (await finished(user, asked.body.id)).output as {
      prediction: {
        supported: boolean;
        basis: string;
        reason?: string;
        prediction: {
          engagement: number;
          interval: { low: number; high: number };
          baseline: { engagement: number; posts: number };
        };
        backtest: { supported: boolean };
      };
      plannedAt: string;
      summary: string;
    };
    expect(output.plannedAt).toBe('2034-05-23T16:00:00.000Z');
    // Six posts: the account's median (21 engagements) with a wide interval, not a model.
    expect(output.prediction).toMatchObject({ supported: true, basis: 'priors' });
    expect(output.prediction.prediction.baseline.engagement).toBe(21);
    const { engagement, interval } = output.prediction.prediction;
    expect(interval.low).toBeLessThan(engagement);
    expect(interval.high).toBeGreaterThan(engagement);
    expect(output.summary).toContain('From priors');
    // Another organization's account is refused by the worker, with the reason.
    const foreign = await other.post<Task>('/api/ai-agents/engagement/predict', {
      text: 'Hello',
      accountId: blueskyId,
      timeZone: 'UTC',
    });
    const failed = await finished(other, foreign.body.id);
    expect(failed).toMatchObject({ status: 'failed', output: null });
    expect(failed.errorMessage).toContain('not one of this organization');
  });

  it('lists tasks newest first with filters, and keeps them to their organization', async () => {
    const all = await viewer.get<{ items: Task[]; total: number }>('/api/ai-agents/tasks');
    expect(all.body.total).toBe(8);
    const generated = await viewer.get<{ items: Task[]; total: number }>(
      '/api/ai-agents/tasks?taskType=content.generate&status=completed',
    );
    expect(generated.body.items.map((task) => task.taskType)).toEqual([
      'content.generate',
      'content.generate',
    ]);
    // Only its own (the prediction it asked for above).
    expect((await other.get<{ total: number }>('/api/ai-agents/tasks')).body.total).toBe(1);
    expect((await other.get(`/api/ai-agents/tasks/${generatedId}`)).status).toBe(404);
    expect((await other.post(`/api/ai-agents/tasks/${generatedId}/cancel`)).status).toBe(404);
  });

  it('lets who asked, or a manager, cancel a task that has not ended; the worker then skips it', async () => {
    // Recorded but not yet queued: as if the worker had not reached it.
    const row = await withTenant(env.runtime.container.db, organizationId, (tx) =>
      requestAgentTask(tx, {
        organizationId,
        userId,
        taskType: 'content.improve',
        input: { text: 'Hello', platform: 'bluesky', goal: 'clarity' },
        now: env.clock.now(),
      }),
    );
    const asked = { body: { id: row.id } };
    expect((await colleague.post(`/api/ai-agents/tasks/${asked.body.id}/cancel`)).status).toBe(403);
    expect((await viewer.post(`/api/ai-agents/tasks/${asked.body.id}/cancel`)).status).toBe(403);
    const cancelled = await user.post<Task>(`/api/ai-agents/tasks/${asked.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await manager.post(`/api/ai-agents/tasks/${asked.body.id}/cancel`)).status).toBe(409);
    await env.runtime.queue.send('agent-content-creator', { taskId: row.id });
    const after = await finished(user, asked.body.id);
    expect(after).toMatchObject({ status: 'cancelled', output: null });
    expect((await user.post(`/api/ai-agents/tasks/${generatedId}/cancel`)).status).toBe(409);
  });

  it('refuses new tasks once the budget is spent (429 with when it renews) and while the agent is off (409)', async () => {
    expect((await manager.put('/api/ai-agents/budget', { monthlyBudgetUsd: 0 })).status).toBe(403);
    const set = await admin.put<{ monthlyBudgetUsd: number; remainingUsd: number }>('/api/ai-agents/budget', {
      monthlyBudgetUsd: 0,
    });
    expect(set.body).toMatchObject({ monthlyBudgetUsd: 0, remainingUsd: 0 });
    const refused = await user.post<{ code: string; renewsAt: string; detail: string }>(
      '/api/ai-agents/hashtags/suggest',
      {
        text: 'Bread',
        platform: 'bluesky',
      },
    );
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('ai_budget_spent');
    expect(refused.body.renewsAt).toBe('2034-06-01T00:00:00.000Z');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    await admin.put('/api/ai-agents/budget', { monthlyBudgetUsd: 10 });
    await manager.put('/api/ai-agents/content_creator', { isActive: false });
    const off = await user.post('/api/ai-agents/hashtags/suggest', { text: 'Bread', platform: 'bluesky' });
    expect(off.status).toBe(409);
    await manager.put('/api/ai-agents/content_creator', { isActive: true });
  });

  it('refuses bad input with 400 and records nothing, and viewers may not ask', async () => {
    const before = (await viewer.get<{ total: number }>('/api/ai-agents/tasks')).body.total;
    for (const [path, body] of [
      ['/api/ai-agents/content/generate', { brief: 'x', platforms: ['bluesky'] }],
      ['/api/ai-agents/content/generate', { brief: 'A good brief', platforms: [] }],
      ['/api/ai-agents/content/generate', { brief: 'A good brief', platforms: ['myspace'] }],
      ['/api/ai-agents/content/generate', { brief: 'A good brief', platforms: ['bluesky'], variants: 9 }],
      ['/api/ai-agents/content/improve', { text: 'Hi', platform: 'bluesky', goal: 'louder' }],
      ['/api/ai-agents/hashtags/suggest', { text: 'Hi', platform: 'bluesky', extra: true }],
      ['/api/ai-agents/competitor/analyze', { days: 30, timeZone: 'Mars/Olympus' }],
    ] as const) {
      const answer = await user.post(path, body);
      expect(answer.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(
      (await viewer.post('/api/ai-agents/hashtags/suggest', { text: 'Hi', platform: 'bluesky' })).status,
    ).toBe(403);
    expect(
      (await manager.put('/api/ai-agents/content_creator', { configuration: { bannedWords: 'all' } })).status,
    ).toBe(400);
    expect((await manager.put('/api/ai-agents/marketing_genius', { isActive: true })).status).toBe(400);
    // A model not on the list (shared/agents/claude-models.ts) is refused and nothing is saved.
    const trends = async () =>
      (
        await viewer.get<{ agents: Array<{ type: string; configuration: object }> }>('/api/ai-agents')
      ).body.agents.find((agent) => agent.type === 'trend_analyzer')!.configuration;
    const unchanged = await trends();
    const unknownModel = await manager.put<{ errors?: Array<{ path: string; message: string }> }>(
      '/api/ai-agents/trend_analyzer',
      { configuration: { model: 'gpt-4o', brandVoice: 'Plain' } },
    );
    expect(unknownModel.status).toBe(400);
    expect(unknownModel.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(unknownModel.body)).toContain('claude-sonnet-4-6');
    expect(await trends()).toEqual(unchanged);
    expect(
      (await manager.put('/api/ai-agents/trend_analyzer', { configuration: { model: 'claude-haiku-4-5' } }))
        .status,
    ).toBe(200);
    expect(await trends()).toEqual({ model: 'claude-haiku-4-5' });
    expect((await viewer.get<{ total: number }>('/api/ai-agents/tasks')).body.total).toBe(before);
  });
});
