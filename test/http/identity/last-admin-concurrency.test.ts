import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationMembers } from '../../../functions/db/schema';
import { withSystem } from '../../../functions/db/tenant';
import type { TestClient } from '../../support/http-client';
import { startIdentityRuntime } from '../../support/identity-runtime';

type Env = Awaited<ReturnType<typeof startIdentityRuntime>>;
type Members = { members: Array<{ id: string; userId: string; role: string }> };

/**
 * Two admins acting on each other at the same moment. On PostgreSQL (DATABASE_URL) the two
 * requests run in parallel transactions, which is where the race lived; PGlite runs one
 * transaction at a time, so there the suite only checks the outcome.
 */
describe('the last admin under concurrency', () => {
  let env: Env;
  beforeAll(async () => {
    env = await startIdentityRuntime();
  });
  afterAll(async () => env?.stop());

  async function twoAdmins() {
    const a = await env.signUp();
    await env.verify(a.email, a.client);
    const b = await env.addMember(a.client, 'admin');
    const members = (await a.client.get<Members>('/api/organizations/members')).body.members;
    const membership = (userId: string) => members.find((m) => m.userId === userId)!.id;
    return {
      organizationId: a.organizationId,
      a: { client: a.client, membershipId: membership(a.userId) },
      b: { client: b.client, membershipId: membership(b.userId) },
    };
  }

  const adminCount = async (organizationId: string) => {
    const [row] = await withSystem(env.runtime.container.db, (tx) =>
      tx
        .select({ n: count() })
        .from(organizationMembers)
        .where(
          and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.role, 'admin')),
        ),
    );
    return row?.n ?? 0;
  };

  type Actor = { client: TestClient; membershipId: string };
  const demote = (by: Actor, whom: Actor) =>
    by.client.put(`/api/organizations/members/${whom.membershipId}`, { role: 'viewer' });
  const remove = (by: Actor, whom: Actor) =>
    by.client.delete(`/api/organizations/members/${whom.membershipId}`);

  it('keeps an admin when two admins demote each other at once, round after round', async () => {
    const { organizationId, a, b } = await twoAdmins();
    for (let round = 0; round < 15; round += 1) {
      const [byA, byB] = await Promise.all([demote(a, b), demote(b, a)]);
      expect(await adminCount(organizationId), `round ${round}`).toBe(1);
      // Exactly one demotion went through; the other was refused by the rule or the new role.
      expect(
        [byA.status, byB.status].filter((s) => s === 200),
        `round ${round}`,
      ).toHaveLength(1);
      expect([byA.status, byB.status].filter((s) => s !== 200)[0]).toBeOneOf([403, 409]);
      const [winner, loser] = byA.status === 200 ? [a, b] : [b, a];
      expect(
        (await winner.client.put(`/api/organizations/members/${loser.membershipId}`, { role: 'admin' }))
          .status,
      ).toBe(200);
    }
  }, 120_000);

  it('keeps an admin when two admins remove, or remove and demote, each other at once', async () => {
    for (const [first, second] of [
      [remove, remove],
      [remove, demote],
    ] as const) {
      for (let round = 0; round < 4; round += 1) {
        const { organizationId, a, b } = await twoAdmins();
        const statuses = (await Promise.all([first(a, b), second(b, a)])).map((r) => r.status);
        expect(await adminCount(organizationId)).toBe(1);
        expect(statuses.filter((s) => s === 200 || s === 204)).toHaveLength(1);
      }
    }
  }, 180_000);
});
