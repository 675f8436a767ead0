import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleName } from '../../../functions/core/publishing/schedule-name';
import { auditLogs, notifications, posts, scheduledJobs } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';
import { insertAccount } from '../../jobs/support/publishing-fixtures';

const T0 = new Date('2032-05-04T09:00:00.000Z');

interface PostBody {
  id: string;
  status: string;
  approvalStatus: string;
  approvedBy: string | null;
  approvedAt: string | null;
  aiGenerated: boolean;
  targets: { id: string; status: string; version: number }[];
}
interface ReviewBody {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  user: { id: string; name: string } | null;
}
interface Problem {
  code: string;
  approvalStatus?: string;
  errors?: { field: string }[];
}

describe('post approval flow over HTTP (policy, transitions, gate, notifications, audit, tenants, roles)', () => {
  let env: Awaited<ReturnType<typeof startIdentityRuntime>>;
  let admin: TestClient;
  let manager: TestClient;
  let secondManager: TestClient;
  let author: TestClient;
  let viewer: TestClient;
  let stranger: TestClient;
  let organizationId: string;
  let ids: { admin: string; manager: string; secondManager: string; author: string; viewer: string };
  let account: string;

  const db = () => env.runtime.container.db;
  const inHours = (h: number) => new Date(env.clock.now().getTime() + h * 3_600_000).toISOString();
  /** Each step a second apart, as people click: the history is ordered by time. */
  const later = () => env.clock.advance(1_000);
  const create = (client: TestClient, content: string) =>
    client.post<PostBody>('/api/posts', { content, targets: [{ socialAccountId: account }] });
  const notesOf = (userId: string, type: string) =>
    withSystem(db(), (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.type, type))),
    );
  const rowOf = async (id: string) =>
    (await withSystem(db(), (tx) => tx.select().from(posts).where(eq(posts.id, id))))[0]!;

  beforeAll(async () => {
    env = await startIdentityRuntime(T0);
    env.runtime.scheduler.stop();
    const first = await env.signUp();
    admin = first.client;
    organizationId = first.organizationId;
    await env.verify(first.email, admin);
    const m = await env.addMember(admin, 'manager');
    const m2 = await env.addMember(admin, 'manager');
    const u = await env.addMember(admin, 'user');
    const v = await env.addMember(admin, 'viewer');
    manager = m.client;
    secondManager = m2.client;
    author = u.client;
    viewer = v.client;
    ids = {
      admin: first.userId,
      manager: m.userId,
      secondManager: m2.userId,
      author: u.userId,
      viewer: v.userId,
    };
    stranger = (await env.signUp()).client;
    account = await insertAccount(db(), organizationId, 'active', 'Alpha');
  }, 120_000);
  afterAll(async () => env?.stop());

  it('starts with the default policy: nobody needs approval, managers and admins approve', async () => {
    const org = await viewer.get<{ approvals: unknown }>('/api/organizations');
    expect(org.status).toBe(200);
    expect(org.body.approvals).toEqual({ requiredFor: [], approverRoles: ['manager', 'admin'] });
    const post = await create(author, 'No review needed yet');
    expect(post.body.approvalStatus).toBe('not_required');
    const scheduled = await author.post<PostBody>(`/api/posts/${post.body.id}/schedule`, { at: inHours(2) });
    expect(scheduled.status).toBe(200);
  });

  it('lets only an admin set the policy, refuses a bad one, and audits the change', async () => {
    const policy = { requiredFor: ['user'], approverRoles: ['manager', 'admin'] };
    for (const client of [manager, author, viewer]) {
      expect((await client.put('/api/organizations', { approvals: policy })).status).toBe(403);
    }
    const viewerApprover = await admin.put<Problem>('/api/organizations', {
      approvals: { requiredFor: [], approverRoles: ['viewer'] },
    });
    expect(viewerApprover.status).toBe(400);
    const noApprover = await admin.put<Problem>('/api/organizations', {
      approvals: { requiredFor: ['user'], approverRoles: [] },
    });
    expect(noApprover.status).toBe(400);
    expect((await viewer.get<{ approvals: unknown }>('/api/organizations')).body.approvals).toEqual({
      requiredFor: [],
      approverRoles: ['manager', 'admin'],
    });
    const set = await admin.put<{ approvals: unknown; name: string }>('/api/organizations', {
      approvals: policy,
    });
    expect(set.status).toBe(200);
    expect(set.body.approvals).toEqual(policy);
    const audited = await withSystem(db(), (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.organizationId, organizationId), eq(auditLogs.resourceType, 'organization'))),
    );
    expect(audited.some((row) => JSON.stringify(row.newValues).includes('"requiredFor":["user"]'))).toBe(
      true,
    );
  });

  it('walks draft -> in review -> changes requested -> in review -> approved -> scheduled, enforced at each step', async () => {
    const created = await create(author, 'Launch day is coming');
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.approvalStatus).toBe('pending');

    // The gate: not schedulable, not publishable, and nothing moves.
    const refused = await author.post<Problem>(`/api/posts/${id}/schedule`, { at: inHours(3) });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('approval_required');
    expect(refused.body.approvalStatus).toBe('pending');
    expect((await author.post<Problem>(`/api/posts/${id}/publish`)).status).toBe(409);
    expect((await author.get<PostBody>(`/api/posts/${id}`)).body.targets[0]!.status).toBe('draft');

    // Approving before review is a conflict; a user may not approve at all.
    expect((await manager.post<Problem>(`/api/posts/${id}/approve`)).status).toBe(409);
    expect((await author.post<Problem>(`/api/posts/${id}/approve`)).status).toBe(403);

    later();
    const submitted = await author.post<PostBody>(`/api/posts/${id}/submit`, { comment: 'Ready for a look' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.approvalStatus).toBe('in_review');
    expect((await author.post<Problem>(`/api/posts/${id}/submit`)).status).toBe(409);
    // Reviewers are told; the one who sent it and the viewer are not.
    expect(await notesOf(ids.manager, 'post.review_requested')).toHaveLength(1);
    expect(await notesOf(ids.secondManager, 'post.review_requested')).toHaveLength(1);
    expect(await notesOf(ids.admin, 'post.review_requested')).toHaveLength(1);
    expect(await notesOf(ids.author, 'post.review_requested')).toHaveLength(0);
    expect(await notesOf(ids.viewer, 'post.review_requested')).toHaveLength(0);

    // The approvals queue.
    const queue = await viewer.get<{ posts: PostBody[] }>('/api/posts?approvalStatus=in_review');
    expect(queue.body.posts.map((p) => p.id)).toEqual([id]);

    const noComment = await manager.post<Problem>(`/api/posts/${id}/request-changes`, {});
    expect(noComment.status).toBe(400);
    const blank = await manager.post<Problem>(`/api/posts/${id}/request-changes`, { comment: '   ' });
    expect(blank.status).toBe(400);
    expect((await rowOf(id)).approvalStatus).toBe('in_review');
    later();
    const changes = await manager.post<PostBody>(`/api/posts/${id}/request-changes`, {
      comment: 'Add the date, please',
    });
    expect(changes.status).toBe(200);
    expect(changes.body.approvalStatus).toBe('changes_requested');
    const asked = await notesOf(ids.author, 'post.changes_requested');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.body).toBe('Add the date, please');
    expect(asked[0]!.link).toBe(`/posts/${id}`);

    const edited = await author.put<PostBody>(`/api/posts/${id}`, { content: 'Launch day is 12 May' });
    expect(edited.body.approvalStatus).toBe('changes_requested');
    later();
    expect((await author.post<PostBody>(`/api/posts/${id}/submit`)).body.approvalStatus).toBe('in_review');

    later();
    const approved = await manager.post<PostBody>(`/api/posts/${id}/approve`, { comment: 'Good to go' });
    expect(approved.status).toBe(200);
    expect(approved.body.approvalStatus).toBe('approved');
    expect(approved.body.approvedBy).toBe(ids.manager);
    expect(approved.body.approvedAt).toBe(env.clock.now().toISOString());
    expect(await notesOf(ids.author, 'post.approved')).toHaveLength(1);

    const scheduled = await author.post<PostBody>(`/api/posts/${id}/schedule`, { at: inHours(5) });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.targets[0]!.status).toBe('scheduled');

    const history = await viewer.get<{ reviews: ReviewBody[] }>(`/api/posts/${id}/reviews`);
    expect(history.status).toBe(200);
    expect(history.body.reviews.map((r) => [r.action, r.fromStatus, r.toStatus])).toEqual([
      ['submitted', 'pending', 'in_review'],
      ['changes_requested', 'in_review', 'changes_requested'],
      ['submitted', 'changes_requested', 'in_review'],
      ['approved', 'in_review', 'approved'],
    ]);
    expect(history.body.reviews[1]!.user).toEqual({ id: ids.manager, name: expect.any(String) });
    const audited = await withSystem(db(), (tx) =>
      tx
        .select({ action: auditLogs.action })
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceType, 'post'), eq(auditLogs.resourceId, id))),
    );
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['submit_for_review', 'request_changes', 'approve', 'schedule']),
    );
  });

  it('sends an edited approved post back for review and takes its schedule away', async () => {
    const id = (await create(author, 'Webinar on Friday')).body.id;
    await author.post(`/api/posts/${id}/submit`);
    later();
    await manager.post(`/api/posts/${id}/approve`);
    const scheduled = await author.post<PostBody>(`/api/posts/${id}/schedule`, { at: inHours(6) });
    later();
    const target = scheduled.body.targets[0]!;
    const job = () =>
      withSystem(db(), (tx) =>
        tx
          .select()
          .from(scheduledJobs)
          .where(eq(scheduledJobs.name, scheduleName(target.id))),
      );
    expect(await job()).toHaveLength(1);

    const edited = await author.put<PostBody>(`/api/posts/${id}`, { content: 'Webinar on Saturday' });
    expect(edited.status).toBe(200);
    expect(edited.body.approvalStatus).toBe('pending');
    expect(edited.body.approvedBy).toBeNull();
    expect(edited.body.targets[0]!.status).toBe('draft');
    expect(edited.body.targets[0]!.version).toBeGreaterThan(target.version);
    expect(await job()).toHaveLength(0);
    const history = await author.get<{ reviews: ReviewBody[] }>(`/api/posts/${id}/reviews`);
    expect(history.body.reviews.at(-1)).toMatchObject({
      action: 'reopened',
      fromStatus: 'approved',
      toStatus: 'pending',
    });
    expect((await author.post<Problem>(`/api/posts/${id}/schedule`, { at: inHours(6) })).body.code).toBe(
      'approval_required',
    );
  });

  it('lets two reviewers race: exactly one decision lands', async () => {
    const id = (await create(author, 'Race me')).body.id;
    await author.post(`/api/posts/${id}/submit`);
    const [a, b] = await Promise.all([
      manager.post(`/api/posts/${id}/approve`),
      secondManager.post(`/api/posts/${id}/request-changes`, { comment: 'Not yet' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const decisions = (
      await author.get<{ reviews: ReviewBody[] }>(`/api/posts/${id}/reviews`)
    ).body.reviews.filter((r) => r.action !== 'submitted');
    expect(decisions).toHaveLength(1);
  });

  it('keeps a comment thread that tells the author and the reviewers', async () => {
    const id = (await create(author, 'Thread me')).body.id;
    await author.post(`/api/posts/${id}/submit`);
    const before = (await notesOf(ids.author, 'post.commented')).length;
    const comment = await manager.post<ReviewBody>(`/api/posts/${id}/comments`, { comment: 'Which image?' });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ action: 'commented', comment: 'Which image?', toStatus: null });
    expect(comment.body.user?.id).toBe(ids.manager);
    expect(await notesOf(ids.author, 'post.commented')).toHaveLength(before + 1);
    const reply = await author.post<ReviewBody>(`/api/posts/${id}/comments`, { comment: 'The blue one' });
    expect(reply.status).toBe(201);
    // The manager took part (the comment), so hears the reply; the author does not hear their own.
    expect((await notesOf(ids.manager, 'post.commented')).length).toBeGreaterThanOrEqual(1);
    expect((await rowOf(id)).approvalStatus).toBe('in_review');
    expect((await author.post<Problem>(`/api/posts/${id}/comments`, { comment: '' })).status).toBe(400);
    expect((await author.post<Problem>(`/api/posts/${id}/comments`, { comment: 'x', extra: 1 })).status).toBe(
      400,
    );
  });

  it('refuses the wrong role and the wrong tenant, changing nothing', async () => {
    const id = (await create(author, 'Mine only')).body.id;
    expect((await viewer.post(`/api/posts/${id}/submit`)).status).toBe(403);
    expect((await viewer.post(`/api/posts/${id}/comments`, { comment: 'hi' })).status).toBe(403);
    expect((await viewer.get(`/api/posts/${id}/reviews`)).status).toBe(200);
    for (const path of ['submit', 'approve', 'request-changes', 'comments']) {
      const response = await stranger.post<Problem>(`/api/posts/${id}/${path}`, { comment: 'x' });
      expect(response.status, path).toBe(404);
    }
    expect((await stranger.get(`/api/posts/${id}/reviews`)).status).toBe(404);
    expect((await author.post(`/api/posts/00000000-0000-4000-8000-000000000000/submit`)).status).toBe(404);
    expect((await author.post(`/api/posts/not-a-uuid/approve`)).status).toBe(400);
    const row = await rowOf(id);
    expect(row.approvalStatus).toBe('pending');
    const reviews = await author.get<{ reviews: ReviewBody[] }>(`/api/posts/${id}/reviews`);
    expect(reviews.body.reviews).toEqual([]);
  });

  it('refuses a bulk schedule by a role whose posts need approval, and creates nothing', async () => {
    const count = async () =>
      (
        await withSystem(db(), (tx) =>
          tx.select().from(posts).where(eq(posts.organizationId, organizationId)),
        )
      ).length;
    const before = await count();
    const bulk = await author.post<Problem>('/api/posts/bulk-schedule', [
      { content: 'Bulk one', socialAccountIds: [account], at: inHours(8) },
    ]);
    expect(bulk.status).toBe(409);
    expect(bulk.body.code).toBe('approval_required');
    expect(await count()).toBe(before);
    // An admin's posts need no approval under this policy.
    const own = await create(admin, 'Admin note');
    expect(own.body.approvalStatus).toBe('not_required');
    expect((await admin.post(`/api/posts/${own.body.id}/schedule`, { at: inHours(9) })).status).toBe(200);
  });

  it('lets the policy name users as approvers', async () => {
    await admin.put('/api/organizations', {
      approvals: { requiredFor: ['user'], approverRoles: ['user', 'manager', 'admin'] },
    });
    const id = (await create(author, 'Peer review')).body.id;
    await author.post(`/api/posts/${id}/submit`);
    const approved = await author.post<PostBody>(`/api/posts/${id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.approvalStatus).toBe('approved');
  });
});
