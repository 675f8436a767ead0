import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, organizationMembers, users } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type Members = {
  members: Array<{ id: string; userId: string; role: string }>;
  invitations: Array<{ id: string; email: string }>;
};

describe('what an API key may do', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  const keyClient = async (creator: TestClient, role: string, scopes = ['read', 'write']) => {
    const created = await creator.post<{ id: string; key: string }>('/api/api-keys', {
      name: `${role} key`,
      role,
      scopes,
    });
    expect(created.status).toBe(201);
    return {
      id: created.body.id,
      client: new TestClient(env.runtime.url, { 'x-api-key': created.body.key }),
    };
  };

  it('never manages members, invitations or keys, even as an admin key with write scope', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    const member = await env.addMember(admin.client, 'user');
    const invited = await admin.client.post<{ id: string }>('/api/organizations/members/invite', {
      email: 'pending@example.test',
      role: 'viewer',
    });
    const { client: robot } = await keyClient(admin.client, 'admin');
    const before = await admin.client.get<Members>('/api/organizations/members');
    const own = before.body.members.find((m) => m.userId === admin.userId)!;
    const theirs = before.body.members.find((m) => m.userId === member.userId)!;

    const attempts = [
      await robot.get('/api/organizations/members'),
      await robot.put(`/api/organizations/members/${theirs.id}`, { role: 'admin' }),
      await robot.put(`/api/organizations/members/${own.id}`, { role: 'viewer' }),
      await robot.delete(`/api/organizations/members/${theirs.id}`),
      await robot.delete(`/api/organizations/invitations/${invited.body.id}`),
      await robot.post('/api/organizations/members/invite', { email: 'new@example.test', role: 'admin' }),
      await robot.get('/api/api-keys'),
      await robot.post('/api/api-keys', { name: 'more', role: 'admin', scopes: ['read', 'write'] }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(403);
      expect(response.body.detail).toMatch(/API keys cannot call this route/);
    }
    // The same key still does ordinary admin work.
    expect((await robot.put('/api/organizations', { name: 'Renamed by the key' })).status).toBe(200);
    expect((await admin.client.get<Members>('/api/organizations/members')).body).toEqual(before.body);
  });

  /** The owner's organization with a second admin, and a Sandbox account and a post in it. */
  async function organizationWithSecondAdmin() {
    const owner = await env.signUp();
    await env.verify(owner.email, owner.client);
    const second = await env.addMember(owner.client, 'admin');
    const connected = await owner.client.post<{ account: { id: string } }>('/api/social-accounts/connect', {
      platform: 'sandbox',
      identifier: `keys-${crypto.randomUUID().slice(0, 8)}`,
    });
    expect(connected.status).toBe(201);
    const post = await owner.client.post<{ id: string }>('/api/posts', {
      content: 'Written by the owner',
      targets: [{ socialAccountId: connected.body.account.id }],
    });
    expect(post.status).toBe(201);
    const members = await owner.client.get<Members>('/api/organizations/members');
    const membershipOf = (userId: string) => members.body.members.find((m) => m.userId === userId)!.id;
    return { owner, second, postId: post.body.id, membershipOf };
  }

  it('a demoted admin’s key can no longer rename, connect, delete or change roles, and stays lowered', async () => {
    const { owner, second, postId, membershipOf } = await organizationWithSecondAdmin();
    const { id: keyId, client: robot } = await keyClient(second.client, 'admin');
    const secondMembership = membershipOf(second.userId);
    expect(
      (await owner.client.put(`/api/organizations/members/${secondMembership}`, { role: 'viewer' })).status,
    ).toBe(200);

    expect((await robot.put('/api/organizations', { name: 'Taken over' })).status).toBe(403);
    expect(
      (await robot.post('/api/social-accounts/connect', { platform: 'sandbox', identifier: 'intruder' }))
        .status,
    ).toBe(403);
    expect((await robot.delete(`/api/posts/${postId}`)).status).toBe(403);
    expect(
      (await robot.put(`/api/organizations/members/${secondMembership}`, { role: 'admin' })).status,
    ).toBe(403);
    expect(
      (await robot.put(`/api/organizations/members/${membershipOf(owner.userId)}`, { role: 'viewer' }))
        .status,
    ).toBe(403);
    // It still reads, as its creator now may.
    expect((await robot.get(`/api/posts/${postId}`)).status).toBe(200);
    expect((await owner.client.get(`/api/posts/${postId}`)).status).toBe(200);

    // The key list says what the key now is, and the audit says what the demotion did to it.
    const keys = await owner.client.get<{ apiKeys: Array<{ id: string; role: string }> }>('/api/api-keys');
    expect(keys.body.apiKeys.find((k) => k.id === keyId)?.role).toBe('viewer');
    const [audit] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, secondMembership), eq(auditLogs.action, 'update'))),
    );
    expect(audit?.newValues).toEqual({
      role: 'viewer',
      keysLowered: [{ id: keyId, name: 'admin key', from: 'admin', to: 'viewer' }],
    });

    // Promoting the person again does not raise the old key: they make a new one.
    expect(
      (await owner.client.put(`/api/organizations/members/${secondMembership}`, { role: 'admin' })).status,
    ).toBe(200);
    expect((await robot.put('/api/organizations', { name: 'Taken over' })).status).toBe(403);
  });

  it('caps a key at its creator’s current role on every request, however the membership changed', async () => {
    const { owner, second, postId } = await organizationWithSecondAdmin();
    const { client: robot } = await keyClient(second.client, 'admin');
    // A change that bypasses the members API (a fix in the database, or a role change that
    // commits between two of the key's requests): the key's own row still says admin.
    await withSystem(env.runtime.container.db, (tx) =>
      tx
        .update(organizationMembers)
        .set({ role: 'user' })
        .where(
          and(
            eq(organizationMembers.userId, second.userId),
            eq(organizationMembers.organizationId, owner.organizationId),
          ),
        ),
    );
    expect((await robot.put('/api/organizations', { name: 'Taken over' })).status).toBe(403);
    expect((await robot.delete(`/api/posts/${postId}`)).status).toBe(204); // what a user may do
  });

  it('refuses with 401 the key of a creator who left, was deactivated or erased', async () => {
    const { owner, second, membershipOf } = await organizationWithSecondAdmin();
    const removedKey = await keyClient(second.client, 'manager');
    expect((await removedKey.client.get('/api/posts')).status).toBe(200);
    expect(
      (await owner.client.delete(`/api/organizations/members/${membershipOf(second.userId)}`)).status,
    ).toBe(204);
    expect((await removedKey.client.get('/api/posts')).status).toBe(401);
    const [removal] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.resourceId, membershipOf(second.userId)), eq(auditLogs.action, 'delete'))),
    );
    expect(removal?.newValues).toEqual({
      keysRevoked: [{ id: removedKey.id, name: 'manager key', role: 'manager' }],
    });

    // Membership gone without the members API: no revocation happened, the key still fails.
    const third = await env.addMember(owner.client, 'admin');
    const orphanKey = await keyClient(third.client, 'manager');
    await withSystem(env.runtime.container.db, (tx) =>
      tx.delete(organizationMembers).where(eq(organizationMembers.userId, third.userId)),
    );
    expect((await orphanKey.client.get('/api/posts')).status).toBe(401);

    const fourth = await env.addMember(owner.client, 'admin');
    const inactiveKey = await keyClient(fourth.client, 'manager');
    const fifth = await env.addMember(owner.client, 'admin');
    const erasedKey = await keyClient(fifth.client, 'manager');
    await withSystem(env.runtime.container.db, async (tx) => {
      await tx.update(users).set({ isActive: false }).where(eq(users.id, fourth.userId));
      await tx.update(users).set({ deletedAt: new Date() }).where(eq(users.id, fifth.userId));
    });
    expect((await erasedKey.client.get('/api/posts')).status).toBe(401);
    expect((await inactiveKey.client.get('/api/posts')).status).toBe(401);
  });
});
