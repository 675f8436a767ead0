import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../jobs/support/publishing-fixtures';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type Members = { members: Array<{ id: string; userId: string }> };

/**
 * Read-only routes (RouteDefinition.readOnly) send a signed-in caller's check in the same round
 * trip as their queries, assuming the caller is who the previous check found
 * (functions/http/authenticate.ts). Whatever changed in between must still count at once: these
 * requests each follow a successful one, so the assumption is in place when the change lands.
 */
describe('read-only routes check their caller in the same round trip, with immediate effect', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  async function teamWithPost() {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    const accountId = await insertAccount(env.runtime.container.db, admin.organizationId, 'active', 'Team');
    const targets = [{ socialAccountId: accountId }];
    const created = await admin.client.post<{ id: string }>('/api/posts', {
      content: 'Read by the team',
      targets,
    });
    expect(created.status).toBe(201);
    const membershipOf = async (userId: string) =>
      (await admin.client.get<Members>('/api/organizations/members')).body.members.find(
        (m) => m.userId === userId,
      )!.id;
    return { admin, postId: created.body.id, membershipOf, targets };
  }

  it('refuses a session revoked since its last request', async () => {
    const { admin, postId } = await teamWithPost();
    expect((await admin.client.get(`/api/posts/${postId}`)).status).toBe(200);
    const sessions = await admin.client.get<{ sessions: Array<{ id: string; current: boolean }> }>(
      '/api/users/sessions',
    );
    const current = sessions.body.sessions.find((s) => s.current)!;
    expect((await admin.client.delete(`/api/users/sessions/${current.id}`)).status).toBe(204);
    for (const path of [`/api/posts/${postId}`, '/api/posts', '/api/posts?q=Read']) {
      const answer = await admin.client.get<{ code: string }>(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body.code).toBe('unauthorized');
    }
  });

  it('refuses a member removed since their last request', async () => {
    const { admin, postId, membershipOf } = await teamWithPost();
    const member = await env.addMember(admin.client, 'user');
    expect((await member.client.get(`/api/posts/${postId}`)).status).toBe(200);
    expect(
      (await admin.client.delete(`/api/organizations/members/${await membershipOf(member.userId)}`)).status,
    ).toBe(204);
    expect((await member.client.get(`/api/posts/${postId}`)).status).toBe(401);
    expect((await member.client.get('/api/posts')).status).toBe(401);
  });

  it('answers a member whose role changed as their new role, on reads and the writes after them', async () => {
    const { admin, postId, membershipOf, targets } = await teamWithPost();
    const member = await env.addMember(admin.client, 'user');
    const membership = await membershipOf(member.userId);
    expect((await member.client.get(`/api/posts/${postId}`)).status).toBe(200);

    expect(
      (await admin.client.put(`/api/organizations/members/${membership}`, { role: 'viewer' })).status,
    ).toBe(200);
    const read = await member.client.get<{ id: string; content: string }>(`/api/posts/${postId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: postId, content: 'Read by the team' });
    expect((await member.client.get<{ total: number }>('/api/posts')).body.total).toBe(1);
    expect((await member.client.post('/api/posts', { content: 'As a viewer', targets })).status).toBe(403);

    expect(
      (await admin.client.put(`/api/organizations/members/${membership}`, { role: 'user' })).status,
    ).toBe(200);
    expect((await member.client.get(`/api/posts/${postId}`)).status).toBe(200);
    expect((await member.client.post('/api/posts', { content: 'As a user again', targets })).status).toBe(
      201,
    );
  });

  it('never shows another organization its posts', async () => {
    const { postId } = await teamWithPost();
    const stranger = await env.signUp();
    expect((await stranger.client.get('/api/posts')).status).toBe(200);
    expect((await stranger.client.get(`/api/posts/${postId}`)).status).toBe(404);
    const listed = await stranger.client.get<{ total: number }>('/api/posts');
    expect(listed.body.total).toBe(0);
  });
});
