import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
