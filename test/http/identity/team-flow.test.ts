import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, organizations } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import { TestClient } from '../../support/http-client';
import { startIdentityRuntime, STRONG_PASSWORD } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type Members = {
  members: Array<{ id: string; userId: string; role: string; email: string }>;
  invitations: Array<{ id: string; email: string }>;
};

describe('identity over HTTP: teams, roles, API keys, tenancy, GDPR', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  it('refuses invitations until the inviter verified their email', async () => {
    const admin = await env.signUp();
    const refused = await admin.client.post('/api/organizations/members/invite', {
      email: 'x@example.test',
      role: 'user',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('email_not_verified');
  });

  it('invites, accepts as a new account, and enforces the lesser role on every write', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    const viewer = await env.addMember(admin.client, 'viewer');

    const me = await viewer.client.get<{
      organization: { role: string; id: string };
      emailVerified: boolean;
    }>('/api/users/profile');
    expect(me.body.organization).toMatchObject({ role: 'viewer', id: admin.organizationId });
    expect(me.body.emailVerified).toBe(true);

    expect((await viewer.client.get('/api/organizations/members')).status).toBe(200);
    expect(
      (
        await viewer.client.post('/api/organizations/members/invite', {
          email: 'y@example.test',
          role: 'user',
        })
      ).status,
    ).toBe(403);
    expect((await viewer.client.put('/api/organizations', { name: 'Taken over' })).status).toBe(403);
    expect((await viewer.client.get('/api/api-keys')).status).toBe(403);

    const members = await admin.client.get<Members>('/api/organizations/members');
    const membership = members.body.members.find((m) => m.userId === viewer.userId)!;
    expect(
      (await admin.client.put(`/api/organizations/members/${membership.id}`, { role: 'admin' })).status,
    ).toBe(200);
    // Role changes apply to the next request, not at the next sign-in.
    expect((await viewer.client.put('/api/organizations', { name: 'Renamed by the new admin' })).status).toBe(
      200,
    );
  });

  it('keeps at least one admin and removes members with immediate effect', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    const user = await env.addMember(admin.client, 'user');
    const members = await admin.client.get<Members>('/api/organizations/members');
    const own = members.body.members.find((m) => m.userId === admin.userId)!;
    expect((await admin.client.put(`/api/organizations/members/${own.id}`, { role: 'user' })).status).toBe(
      409,
    );
    expect((await admin.client.delete(`/api/organizations/members/${own.id}`)).status).toBe(409);
    const theirs = members.body.members.find((m) => m.userId === user.userId)!;
    expect((await admin.client.delete(`/api/organizations/members/${theirs.id}`)).status).toBe(204);
    expect((await user.client.get('/api/organizations')).status).toBe(401);
  });

  it('enforces the plan’s member limit, counting pending invitations, with a clear error', async () => {
    const admin = await env.signUp();
    await env.verify(admin.email, admin.client);
    await withSystem(env.runtime.container.db, (tx) =>
      tx.update(organizations).set({ maxUsers: 2 }).where(eq(organizations.id, admin.organizationId)),
    );
    expect(
      (
        await admin.client.post('/api/organizations/members/invite', {
          email: 'one@example.test',
          role: 'user',
        })
      ).status,
    ).toBe(201);
    const over = await admin.client.post<{ code: string; detail: string }>(
      '/api/organizations/members/invite',
      { email: 'two@example.test', role: 'user' },
    );
    expect(over.status).toBe(403);
    expect(over.body.code).toBe('plan_limit_reached');
    expect(over.body.detail).toMatch(/allows 2 members/);
    // Re-inviting the same address replaces its invitation instead of taking a second seat.
    expect(
      (
        await admin.client.post('/api/organizations/members/invite', {
          email: 'one@example.test',
          role: 'manager',
        })
      ).status,
    ).toBe(201);
  });

  it('audits changes with actor, IP, user agent and old and new values', async () => {
    const admin = await env.signUp();
    expect((await admin.client.put('/api/organizations', { name: 'Renamed Ltd' })).status).toBe(200);
    const [entry] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select()
        .from(auditLogs)
        .where(
          and(
            eq(auditLogs.organizationId, admin.organizationId),
            eq(auditLogs.resourceType, 'organization'),
            eq(auditLogs.action, 'update'),
          ),
        ),
    );
    expect(entry).toMatchObject({
      userId: admin.userId,
      ipAddress: '127.0.0.1',
      oldValues: { name: 'Analytical Engines' },
      newValues: { name: 'Renamed Ltd' },
    });
    expect(entry!.requestId).toBeTruthy();
  });

  it('answers 404 for another organization’s ids, and its rows never leak', async () => {
    const a = await env.signUp();
    await env.verify(a.email, a.client);
    const b = await env.signUp();
    await env.verify(b.email, b.client);
    const member = await env.addMember(a.client, 'user');
    const invite = await a.client.post<{ id: string }>('/api/organizations/members/invite', {
      email: 'pending@example.test',
      role: 'user',
    });
    const key = await a.client.post<{ id: string }>('/api/api-keys', {
      name: 'ci',
      role: 'viewer',
      scopes: ['read'],
    });
    const membership = (await a.client.get<Members>('/api/organizations/members')).body.members.find(
      (m) => m.userId === member.userId,
    )!;

    expect(
      (await b.client.put(`/api/organizations/members/${membership.id}`, { role: 'viewer' })).status,
    ).toBe(404);
    expect((await b.client.delete(`/api/organizations/members/${membership.id}`)).status).toBe(404);
    expect((await b.client.delete(`/api/organizations/invitations/${invite.body.id}`)).status).toBe(404);
    expect((await b.client.delete(`/api/api-keys/${key.body.id}`)).status).toBe(404);
    const bMembers = await b.client.get<Members>('/api/organizations/members');
    expect(bMembers.body.members.map((m) => m.userId)).toEqual([b.userId]);
    expect(bMembers.body.invitations).toEqual([]);
    // And A's things are untouched.
    expect((await a.client.get<Members>('/api/organizations/members')).body.members).toHaveLength(2);
  });

  it('issues API keys shown once, scoped by role and read/write, refused on personal routes, revocable', async () => {
    const admin = await env.signUp();
    const created = await admin.client.post<{ id: string; key: string; prefix: string }>('/api/api-keys', {
      name: 'Reporting',
      role: 'viewer',
      scopes: ['read'],
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^plm_[a-z0-9]{12}_/);
    const list = await admin.client.get<{ apiKeys: Array<Record<string, unknown>> }>('/api/api-keys');
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    const robot = new TestClient(env.runtime.url, { 'x-api-key': created.body.key });
    expect((await robot.get('/api/organizations')).status).toBe(200);
    expect((await robot.put('/api/organizations', { name: 'x' })).status).toBe(403); // no write scope (and viewer)
    expect((await robot.get('/api/users/profile')).status).toBe(403); // personal routes are session-only
    expect(
      (await robot.post('/api/api-keys', { name: 'more', role: 'viewer', scopes: ['read'] })).status,
    ).toBe(403);
    const forged = new TestClient(env.runtime.url, { 'x-api-key': `${created.body.key.slice(0, -4)}AAAA` });
    expect((await forged.get('/api/organizations')).status).toBe(401);

    expect((await admin.client.delete(`/api/api-keys/${created.body.id}`)).status).toBe(204);
    expect((await robot.get('/api/organizations')).status).toBe(401);
  });

  it('switches between organizations the user belongs to, and only those', async () => {
    const first = await env.signUp();
    await env.verify(first.email, first.client);
    const second = await env.signUp();
    await env.verify(second.email, second.client);
    // Invite the first person into the second organization; they accept with their password.
    await second.client.post('/api/organizations/members/invite', { email: first.email, role: 'manager' });
    const token = await env.mailedToken(first.email, '/invitations/');
    const preview = await new TestClient(env.runtime.url).get<{ accountExists: boolean }>(
      `/api/invitations/${token}`,
    );
    expect(preview.body.accountExists).toBe(true);
    const wrong = await new TestClient(env.runtime.url).post('/api/invitations/accept', {
      token,
      password: 'not my password!!',
    });
    expect(wrong.status).toBe(401);
    expect(
      (await first.client.post('/api/invitations/accept', { token, password: STRONG_PASSWORD })).status,
    ).toBe(200);

    const switched = await first.client.post<{
      accessToken: string;
      user: { organization: { id: string; role: string }; organizations: unknown[] };
    }>('/api/auth/switch-organization', { organizationId: second.organizationId });
    expect(switched.status).toBe(200);
    expect(switched.body.user.organization).toMatchObject({ id: second.organizationId, role: 'manager' });
    expect(switched.body.user.organizations).toHaveLength(2);
    first.client.accessToken = switched.body.accessToken;
    expect((await first.client.get<{ id: string }>('/api/organizations')).body.id).toBe(
      second.organizationId,
    );
    // A refresh keeps the switched organization.
    const refreshed = await first.client.post<{ user: { organization: { id: string } } }>(
      '/api/auth/refresh',
    );
    expect(refreshed.body.user.organization.id).toBe(second.organizationId);
    const stranger = await env.signUp();
    expect(
      (await first.client.post('/api/auth/switch-organization', { organizationId: stranger.organizationId }))
        .status,
    ).toBe(404);
  });

  it('exports a complete archive through a background job and an expiring download link', async () => {
    const person = await env.signUp();
    const requested = await person.client.post<{ id: string; status: string }>('/api/users/export-data');
    expect(requested.status).toBe(202);
    await env.runtime.queue.drained();
    const done = await person.client.get<{ status: string; downloadUrl: string }>(
      `/api/users/export-data/${requested.body.id}`,
    );
    expect(done.body.status).toBe('completed');
    const archive = (await (await fetch(done.body.downloadUrl)).json()) as Record<string, unknown> & {
      profile: Record<string, unknown>;
      memberships: unknown[];
      auditTrail: Array<{ action: string }>;
    };
    expect(archive.profile).toMatchObject({ id: person.userId, email: person.email });
    expect(archive.profile).not.toHaveProperty('passwordHash');
    expect(archive.memberships).toHaveLength(1);
    expect(archive.auditTrail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['register', 'export_requested']),
    );
    expect(JSON.stringify(archive)).not.toMatch(/argon2|tokenHash/);
    const other = await env.signUp();
    expect((await other.client.get(`/api/users/export-data/${requested.body.id}`)).status).toBe(404);
  });

  it('deletes an account only with the password, erasing personal data and ending every session', async () => {
    const person = await env.signUp();
    const confirm = 'DELETE MY ACCOUNT';
    expect(
      (await person.client.delete('/api/users/profile', { password: 'wrong password!', confirm })).status,
    ).toBe(400);
    expect(
      (await person.client.delete('/api/users/profile', { password: STRONG_PASSWORD, confirm: 'yes' }))
        .status,
    ).toBe(400);
    expect(
      (await person.client.delete('/api/users/profile', { password: STRONG_PASSWORD, confirm })).status,
    ).toBe(204);
    expect((await person.client.get('/api/users/profile')).status).toBe(401);
    const again = new TestClient(env.runtime.url);
    expect(
      (await again.post('/api/auth/login', { email: person.email, password: STRONG_PASSWORD })).status,
    ).toBe(401);
    // The address is free again: erasure leaves no trace that blocks it.
    expect(
      (
        await again.post('/api/auth/register', {
          email: person.email,
          password: STRONG_PASSWORD,
          firstName: 'New',
          lastName: 'Person',
          organizationName: 'Fresh',
          acceptTerms: true,
        })
      ).status,
    ).toBe(201);
  });
});
