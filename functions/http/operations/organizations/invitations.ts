import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { hashToken } from '../../../core/identity/opaque-tokens';
import { LoginThrottle } from '../../../core/identity/login-throttle';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../../core/identity/password-hashing';
import { passwordStrengthProblem } from '../../../core/identity/password-strength';
import { createSession } from '../../../core/identity/session-store';
import { consents, invitations, organizationMembers, organizations, users } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor, clientIp, userAgent } from '../../request-origin';
import { sessionGrant } from '../../session-grant';
import { TERMS_VERSION } from '../auth/register';
import { seatsInUse } from './members';

const unknownInvitation = () =>
  new HttpProblem(
    404,
    'not_found',
    'This invitation does not exist, was revoked, expired or was already accepted.',
  );

/** Looks an invitation up by its emailed token; pending ones only. Runs before any tenant is known. */
async function findPending(token: string, now: Date, db: Parameters<typeof withSystem>[0]) {
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({
        invitation: invitations,
        organizationName: organizations.name,
        maxUsers: organizations.maxUsers,
        inviterFirst: users.firstName,
        inviterLast: users.lastName,
        inviterEmail: users.email,
      })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, now),
        ),
      ),
  );
  return row;
}

export const getInvitation: Operation<'getInvitation'> = async ({ params }, { container }) => {
  const now = container.clock.now();
  const row = await findPending(params.token, now, container.db);
  if (!row) throw unknownInvitation();
  const [account] = await withSystem(container.db, (tx) =>
    tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, row.invitation.email), isNull(users.deletedAt))),
  );
  const inviter = [row.inviterFirst, row.inviterLast].filter(Boolean).join(' ') || row.inviterEmail;
  return {
    body: {
      organizationName: row.organizationName,
      email: row.invitation.email,
      role: row.invitation.role,
      invitedBy: inviter ?? null,
      expiresAt: row.invitation.expiresAt.toISOString(),
      accountExists: Boolean(account),
    },
  };
};

/**
 * Accepts an invitation. An existing account proves itself with its password; otherwise the
 * account is created with the given password. Having the emailed link proves the address, so
 * a new account starts verified. The invitation is single use.
 */
export const acceptInvitation: Operation<'acceptInvitation'> = async (
  { body: input },
  { container, event },
) => {
  const now = container.clock.now();
  const pending = await findPending(input.token, now, container.db);
  if (!pending) throw unknownInvitation();
  const { invitation } = pending;
  const [existing] = await withSystem(container.db, (tx) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.email, invitation.email), isNull(users.deletedAt))),
  );

  let newPasswordHash: string | undefined;
  if (existing) {
    // A password check like sign-in's, so it takes a slot of the same throttle: the emailed
    // link must not become a way around the per-account and per-address limits on guessing.
    const ip = clientIp(event);
    const throttle = new LoginThrottle(container.kv, container.clock);
    const attempt = await throttle.begin(existing.email, ip);
    if (!attempt.allowed) {
      const wait = attempt.retryAfterSeconds;
      throw new HttpProblem(429, 'rate_limited', `Too many failed sign-ins; try again in ${wait} s.`, {
        headers: { 'retry-after': String(wait) },
      });
    }
    const ok = await verifyPassword(input.password, existing.passwordHash ?? (await decoyPasswordHash()));
    if (!ok || !existing.isActive) throw new HttpProblem(401, 'unauthorized', 'The password is incorrect.');
    await throttle.succeeded(existing.email, ip);
  } else {
    const errors = [];
    if (!input.firstName) errors.push({ field: 'body.firstName', message: 'Required for a new account' });
    if (!input.lastName) errors.push({ field: 'body.lastName', message: 'Required for a new account' });
    if (input.acceptTerms !== true)
      errors.push({ field: 'body.acceptTerms', message: 'Accept the terms to create an account' });
    if (input.password.length < 12)
      errors.push({ field: 'body.password', message: 'Use at least 12 characters' });
    if (errors.length)
      throw new HttpProblem(400, 'validation_failed', 'Some fields are invalid; see `errors`.', { errors });
    const weak = await passwordStrengthProblem(input.password, [
      invitation.email,
      input.firstName!,
      input.lastName!,
      pending.organizationName,
    ]);
    if (weak)
      throw new HttpProblem(400, 'validation_failed', weak, {
        errors: [{ field: 'body.password', message: weak }],
      });
    newPasswordHash = await hashPassword(input.password);
  }

  const origin = { ipAddress: clientIp(event), userAgent: userAgent(event) };
  const accepted = await withSystem(container.db, async (tx) => {
    // Claim the invitation first: of two concurrent accepts only one updates the row.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(
        and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
      )
      .returning();
    if (!claimed) return undefined;
    if ((await seatsInUse(tx, invitation.organizationId, now)) > pending.maxUsers) {
      throw new HttpProblem(
        403,
        'plan_limit_reached',
        'This organization has no free seat left; ask its admin to upgrade.',
      );
    }
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({
          email: invitation.email,
          passwordHash: newPasswordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          organizationId: invitation.organizationId,
          emailVerified: true,
          emailVerifiedAt: now,
          gdprConsent: true,
          gdprConsentDate: now,
        })
        .returning({ id: users.id });
      userId = created!.id;
      await tx.insert(consents).values([
        { userId, kind: 'terms', granted: true, version: TERMS_VERSION, ...origin },
        { userId, kind: 'privacy', granted: true, version: TERMS_VERSION, ...origin },
      ]);
    } else {
      await tx.update(users).set({ organizationId: invitation.organizationId }).where(eq(users.id, userId));
    }
    await tx
      .insert(organizationMembers)
      .values({
        organizationId: invitation.organizationId,
        userId,
        role: invitation.role,
        invitedBy: invitation.invitedBy,
      })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedBy: userId }).where(eq(invitations.id, invitation.id));
    const session = await createSession(tx, {
      userId,
      organizationId: invitation.organizationId,
      now,
      ...origin,
    });
    await recordAudit(
      tx,
      { ...auditActor(event), userId, organizationId: invitation.organizationId },
      {
        action: 'accept',
        resourceType: 'invitation',
        resourceId: invitation.id,
        newValues: { role: invitation.role, newAccount: !existing },
      },
    );
    return { userId, ...session };
  });
  if (!accepted) throw unknownInvitation();
  return sessionGrant(container, event, {
    userId: accepted.userId,
    organizationId: invitation.organizationId,
    sessionId: accepted.session.id,
    refreshToken: accepted.refreshToken,
  });
};
