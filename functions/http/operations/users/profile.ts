import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { loadCurrentUser } from '../../../core/identity/current-user';
import { verifyPassword } from '../../../core/identity/password-hashing';
import { OutgoingMail } from '../../../core/mail/outgoing-mail';
import {
  apiKeys,
  authTokens,
  consents,
  organizationMembers,
  organizations,
  users,
  userSessions,
} from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';
import { clearedRefreshCookie } from '../../session-cookie';

export const getProfile: Operation<'getProfile'> = async (_input, { container, auth }) => {
  const me = await withSystem(container.db, (tx) => loadCurrentUser(tx, auth.userId, auth.organizationId));
  if (!me) throw new HttpProblem(404, 'not_found', 'Your account no longer exists.');
  return { body: me };
};

export const updateProfile: Operation<'updateProfile'> = async (
  { body: changes },
  { container, event, auth },
) => {
  const now = container.clock.now();
  const me = await withSystem(container.db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, auth.userId));
    if (!before) return undefined;
    const consentChanged = changes.gdprConsent !== undefined && changes.gdprConsent !== before.gdprConsent;
    await tx
      .update(users)
      .set({ ...changes, ...(consentChanged ? { gdprConsentDate: now } : {}), updatedAt: now })
      .where(eq(users.id, auth.userId));
    if (consentChanged) {
      await tx.insert(consents).values({
        userId: auth.userId,
        kind: 'data_processing',
        granted: changes.gdprConsent!,
        ipAddress: auditActor(event).ipAddress,
        userAgent: auditActor(event).userAgent,
      });
    }
    const oldValues = Object.fromEntries(
      Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]),
    );
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'user',
      resourceId: auth.userId,
      oldValues,
      newValues: { ...changes },
    });
    return loadCurrentUser(tx, auth.userId, auth.organizationId);
  });
  if (!me) throw new HttpProblem(404, 'not_found', 'Your account no longer exists.');
  return { body: me };
};

/**
 * GDPR erasure, confirmed by password. Organizations the person alone belongs to are deleted
 * with them; where others remain, the person must not be the last admin. The user row stays
 * as an anonymous tombstone so the audit trail keeps pointing at something, with every
 * personal field erased and every session, token and API key they made revoked.
 */
export const deleteAccount: Operation<'deleteAccount'> = async ({ body }, { container, event, auth }) => {
  const { password } = body;
  const now = container.clock.now();
  const [user] = await withSystem(container.db, (tx) =>
    tx.select().from(users).where(eq(users.id, auth.userId)),
  );
  if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
    throw new HttpProblem(400, 'validation_failed', 'The password is incorrect.', {
      errors: [{ field: 'body.password', message: 'The password is incorrect' }],
    });
  }
  const mail = new OutgoingMail();
  await withSystem(container.db, async (tx) => {
    const memberships = await tx
      .select()
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, user.id));
    for (const membership of memberships) {
      const others = await tx
        .select({ role: organizationMembers.role })
        .from(organizationMembers)
        .where(
          and(
            eq(organizationMembers.organizationId, membership.organizationId),
            ne(organizationMembers.userId, user.id),
          ),
        );
      if (others.length === 0) {
        await recordAudit(
          tx,
          { ...auditActor(event), userId: user.id },
          {
            action: 'delete',
            resourceType: 'organization',
            resourceId: membership.organizationId,
            oldValues: { reason: 'last member deleted their account' },
          },
        );
        await tx.delete(organizations).where(eq(organizations.id, membership.organizationId));
      } else if (membership.role === 'admin' && !others.some((o) => o.role === 'admin')) {
        const [organization] = await tx
          .select({ name: organizations.name })
          .from(organizations)
          .where(eq(organizations.id, membership.organizationId));
        throw new HttpProblem(
          409,
          'conflict',
          `You are the only admin of ${organization?.name ?? 'an organization'}; make someone else admin first.`,
        );
      }
    }
    await tx.delete(organizationMembers).where(eq(organizationMembers.userId, user.id));
    await tx
      .update(userSessions)
      .set({ revokedAt: now, revokedReason: 'account deleted' })
      .where(and(eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)));
    await tx.delete(authTokens).where(eq(authTokens.userId, user.id));
    await tx
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.createdBy, user.id), isNull(apiKeys.revokedAt)));
    await tx
      .update(users)
      .set({
        email: sql`'deleted-' || ${users.id} || '@deleted.invalid'`,
        passwordHash: null,
        firstName: null,
        lastName: null,
        avatarUrl: null,
        organizationId: null,
        isActive: false,
        dataDeletionRequested: true,
        deletedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { ...auditActor(event), userId: user.id },
      { action: 'erase', resourceType: 'user', resourceId: user.id },
    );
    // The confirmation keeps the former address only until it is sent (core/mail).
    await mail.write(tx, { kind: 'account_deleted', to: user.email }, now);
  });
  await mail.dispatch(container);
  return { status: 204, cookies: [clearedRefreshCookie(event)] };
};
