import { eq } from 'drizzle-orm';
import { ManualClock } from '../../../functions/adapters/local/manual-clock';
import type { PostActor } from '../../../functions/core/posts/post-actor';
import type { PostPorts } from '../../../functions/core/posts/post-ports';
import type { DatabaseHandle } from '../../../functions/db/client';
import {
  auditLogs,
  postPlatforms,
  postTargetEvents,
  socialAccounts,
  type PostTargetStatus,
  type SocialAccountStatus,
} from '../../../functions/db/schema';
import { withSystem, withTenant, type Transaction } from '../../../functions/db/tenant';
import { createTestOrganization, getTestDatabase } from '../../support/db';
import { insertAccount } from '../../jobs/support/publishing-fixtures';
import { ScriptedConnector } from '../../jobs/support/scripted-connector';

/**
 * The sweep of other test files is cross-tenant and runs at their own clocks: these posts live
 * in 2090 so no other file's sweep ever finds one of them late or its claim expired.
 */
export const NOW = new Date('2090-01-01T09:00:00.000Z');
export const inHours = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

/** An organization with two connected accounts and one disconnected, as the use-cases see it. */
export async function postsWorld() {
  const handle: DatabaseHandle = await getTestDatabase();
  const org = await createTestOrganization(handle.db, 'Post use-cases');
  const other = await createTestOrganization(handle.db, 'Someone else');
  const accounts = {
    a: await insertAccount(handle.db, org.organizationId, 'active', 'Alpha'),
    b: await insertAccount(handle.db, org.organizationId, 'active', 'Beta'),
    gone: await insertAccount(handle.db, org.organizationId, 'disconnected', 'Gone'),
    foreign: await insertAccount(handle.db, other.organizationId, 'active', 'Foreign'),
  };
  const clock = new ManualClock(NOW);
  const ports: PostPorts = { clock, checks: () => new ScriptedConnector() };
  const actor: PostActor = {
    organizationId: org.organizationId,
    userId: org.userId,
    role: 'admin',
    audit: { userId: org.userId, organizationId: org.organizationId, requestId: 'test' },
  };
  /** Runs a use-case as the tenant, committing on success and rolling back on a throw. */
  const inTenant = <T>(fn: (tx: Transaction) => Promise<T>) => withTenant(handle.db, org.organizationId, fn);
  /** Sets a target's status behind the use-cases' back (the publisher's doing). */
  const setStatus = (targetId: string, status: PostTargetStatus) =>
    withSystem(handle.db, (tx) =>
      tx.update(postPlatforms).set({ status }).where(eq(postPlatforms.id, targetId)),
    );
  const setAccountStatus = (accountId: string, status: SocialAccountStatus) =>
    withSystem(handle.db, (tx) =>
      tx.update(socialAccounts).set({ status }).where(eq(socialAccounts.id, accountId)),
    );
  const historyOf = (targetId: string) =>
    withSystem(handle.db, (tx) =>
      tx.select().from(postTargetEvents).where(eq(postTargetEvents.postPlatformId, targetId)),
    );
  const auditOf = (postId: string) =>
    withSystem(handle.db, (tx) => tx.select().from(auditLogs).where(eq(auditLogs.resourceId, postId)));
  return {
    handle,
    org,
    accounts,
    clock,
    ports,
    actor,
    inTenant,
    setStatus,
    setAccountStatus,
    historyOf,
    auditOf,
  };
}

export type PostsWorld = Awaited<ReturnType<typeof postsWorld>>;
