import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, postReviews, posts } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { analyticsFixtures } from '../analytics/support';

const T0 = new Date('2034-07-01T09:00:00.000Z');

interface Task {
  id: string;
  status: string;
  model: string | null;
  output: { drafts: Array<{ platform: string; text: string; hashtags: string[] }> } | null;
}
interface PostBody {
  id: string;
  content: string;
  approvalStatus: string;
  aiGenerated: boolean;
  userId: string | null;
  targets: { socialAccountId: string; status: string }[];
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

/** Keeping an agent's drafts: posts in review, whatever the policy, and never schedulable before approval. */
describe('AI agents: keeping a content task’s drafts as posts awaiting approval', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let admin: TestClient;
  let manager: TestClient;
  let user: TestClient;
  let viewer: TestClient;
  let stranger: TestClient;
  let organizationId: string;
  let ids: { admin: string; manager: string; user: string };
  let bluesky: string;
  let mastodon: string;
  let strangerBluesky: string;
  let task: Task;

  const db = () => env.runtime.container.db;
  const generate = async (client: TestClient) => {
    const asked = await client.post<Task>('/api/ai-agents/content/generate', {
      brief: 'A sourdough tasting evening next Friday',
      platforms: ['bluesky'],
      variants: 2,
    });
    expect(asked.status).toBe(202);
    await env.runtime.queue.drained();
    return (await client.get<Task>(`/api/ai-agents/tasks/${asked.body.id}`)).body;
  };
  const postCount = async () =>
    (await withSystem(db(), (tx) => tx.select().from(posts).where(eq(posts.organizationId, organizationId))))
      .length;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    admin = first.client;
    organizationId = first.organizationId;
    const m = await env.addMember(admin, 'manager');
    const u = await env.addMember(admin, 'user');
    manager = m.client;
    user = u.client;
    viewer = (await env.addMember(admin, 'viewer')).client;
    ids = { admin: first.userId, manager: m.userId, user: u.userId };
    const strangerOrg = await env.signUp();
    stranger = strangerOrg.client;
    const { account } = analyticsFixtures(db());
    bluesky = await account(organizationId, 'bluesky', 'Loaf on Bluesky');
    mastodon = await account(organizationId, 'mastodon', 'Loaf on Mastodon');
    strangerBluesky = await account(strangerOrg.organizationId, 'bluesky', 'Not yours');
    task = await generate(user);
    expect(task.status).toBe('completed');
    expect(task.output!.drafts.length).toBe(2);
  }, 120_000);
  afterAll(async () => env?.stop());

  it('keeps a chosen draft as a post in review, marked as the agent’s, with reviewers told', async () => {
    // The default policy requires no approval of anyone: an agent's draft is reviewed all the same.
    const kept = await user.post<{ posts: PostBody[] }>(`/api/ai-agents/tasks/${task.id}/drafts`, {
      drafts: [{ index: 1, socialAccountIds: [bluesky] }],
    });
    expect(kept.status).toBe(201);
    const [post] = kept.body.posts;
    expect(post).toMatchObject({ approvalStatus: 'in_review', aiGenerated: true, userId: ids.user });
    const draft = task.output!.drafts[1]!;
    expect(post!.content.startsWith(draft.text)).toBe(true);
    for (const tag of draft.hashtags)
      expect(post!.content.toLowerCase()).toContain(tag.replace(/^#?/, '#').toLowerCase());
    expect(post!.targets).toEqual([expect.objectContaining({ socialAccountId: bluesky, status: 'draft' })]);

    const [row] = await withSystem(db(), (tx) => tx.select().from(posts).where(eq(posts.id, post!.id)));
    expect(row).toMatchObject({ aiAgentId: 'content_creator', aiModelUsed: task.model });
    const reviews = await withSystem(db(), (tx) =>
      tx.select().from(postReviews).where(eq(postReviews.postId, post!.id)),
    );
    expect(reviews).toEqual([
      expect.objectContaining({ action: 'submitted', userId: null, toStatus: 'in_review' }),
    ]);
    expect(reviews[0]!.comment).toContain(task.id);
    const told = await withSystem(db(), (tx) =>
      tx
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(
          and(
            eq(notifications.type, 'post.review_requested'),
            eq(notifications.organizationId, organizationId),
          ),
        ),
    );
    expect(told.map((n) => n.userId).sort()).toEqual([ids.admin, ids.manager].sort());

    // Nothing an agent wrote goes out without a person: not schedulable until approved.
    const at = new Date(T0.getTime() + 86_400_000).toISOString();
    const refused = await admin.post<Problem>(`/api/posts/${post!.id}/schedule`, { at });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('approval_required');
    expect((await manager.post(`/api/posts/${post!.id}/approve`)).status).toBe(200);
    const scheduled = await user.post<PostBody>(`/api/posts/${post!.id}/schedule`, { at });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.targets[0]!.status).toBe('scheduled');
  });

  it('refuses a draft the task did not write, an account of another network or tenant, and keeps nothing', async () => {
    const before = await postCount();
    const cases: Array<[unknown, string]> = [
      [{ drafts: [{ index: 7, socialAccountIds: [bluesky] }] }, 'body.drafts.0.index'],
      [{ drafts: [{ index: 0, socialAccountIds: [mastodon] }] }, 'body.drafts.0.socialAccountIds'],
      [
        {
          drafts: [
            { index: 0, socialAccountIds: [bluesky] },
            { index: 0, socialAccountIds: [strangerBluesky] },
          ],
        },
        'body.drafts.1.targets.0.socialAccountId',
      ],
      [{ drafts: [] }, 'body.drafts'],
      [{ drafts: [{ index: 0, socialAccountIds: [bluesky, bluesky] }] }, 'body.drafts.0.socialAccountIds'],
      [{ drafts: [{ index: -1, socialAccountIds: [bluesky] }] }, 'body.drafts.0.index'],
    ];
    for (const [body, field] of cases) {
      const refused = await user.post<Problem>(`/api/ai-agents/tasks/${task.id}/drafts`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(
        refused.body.errors?.map((e) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect(await postCount()).toBe(before);
  });

  it('answers 404 to another tenant, 403 to a viewer, 409 for a task that is not a finished content task', async () => {
    const body = { drafts: [{ index: 0, socialAccountIds: [bluesky] }] };
    expect((await stranger.post(`/api/ai-agents/tasks/${task.id}/drafts`, body)).status).toBe(404);
    expect((await viewer.post(`/api/ai-agents/tasks/${task.id}/drafts`, body)).status).toBe(403);
    const trends = await user.post<Task>('/api/ai-agents/hashtags/suggest', {
      text: 'Sourdough',
      platform: 'bluesky',
    });
    expect(trends.status).toBe(202);
    await env.runtime.queue.drained();
    const notContent = await user.post<Problem>(`/api/ai-agents/tasks/${trends.body.id}/drafts`, body);
    expect(notContent.status).toBe(409);
    expect(
      (await user.post(`/api/ai-agents/tasks/00000000-0000-4000-8000-000000000000/drafts`, body)).status,
    ).toBe(404);
  });
});
