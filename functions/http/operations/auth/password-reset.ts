import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { consumeEmailToken } from '../../../core/identity/email-tokens';
import { hashToken } from '../../../core/identity/opaque-tokens';
import { hashPassword } from '../../../core/identity/password-hashing';
import { passwordStrengthProblem } from '../../../core/identity/password-strength';
import { OutgoingMail } from '../../../core/mail/outgoing-mail';
import { authTokens, users, userSessions } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';

/**
 * Always 202, whether or not the email has an account, after the same statements and the same
 * job message either way (OutgoingMail.writePasswordReset): neither the answer nor its timing
 * reveals it. The mail is sent after the commit, so a refusing mailer changes neither.
 */
export const forgotPassword: Operation<'forgotPassword'> = async ({ body }, { container, event }) => {
  const { email } = body;
  const now = container.clock.now();
  const mail = new OutgoingMail();
  await withSystem(container.db, (tx) => mail.writePasswordReset(tx, email, auditActor(event), now));
  await mail.dispatch(container);
  return { status: 202 };
};

/** Sets a new password with a reset link, then ends every session of the account. */
export const resetPassword: Operation<'resetPassword'> = async ({ body }, { container, event }) => {
  const { token, password } = body;
  const now = container.clock.now();
  const invalid = new HttpProblem(
    400,
    'validation_failed',
    'This reset link is invalid, used or expired; ask for a new one.',
    {
      errors: [{ field: 'body.token', message: 'Invalid or expired reset link' }],
    },
  );
  // Judge strength before consuming the link, so a weak password does not burn it.
  const [owner] = await withSystem(container.db, (tx) =>
    tx
      .select({ email: users.email, firstName: users.firstName, lastName: users.lastName })
      .from(authTokens)
      .innerJoin(users, eq(users.id, authTokens.userId))
      .where(
        and(
          eq(authTokens.tokenHash, hashToken(token)),
          eq(authTokens.purpose, 'reset_password'),
          isNull(authTokens.usedAt),
        ),
      ),
  );
  if (!owner) throw invalid;
  const problem = await passwordStrengthProblem(password, [
    owner.email,
    owner.firstName ?? '',
    owner.lastName ?? '',
  ]);
  if (problem)
    throw new HttpProblem(400, 'validation_failed', problem, {
      errors: [{ field: 'body.password', message: problem }],
    });
  const passwordHash = await hashPassword(password);
  const userId = await withSystem(container.db, async (tx) => {
    const id = await consumeEmailToken(tx, token, 'reset_password', now);
    if (!id) return undefined;
    await tx
      .update(users)
      .set({ passwordHash, failedLoginCount: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, id));
    await tx
      .update(userSessions)
      .set({ revokedAt: now, revokedReason: 'password reset' })
      .where(and(eq(userSessions.userId, id), isNull(userSessions.revokedAt)));
    await recordAudit(
      tx,
      { ...auditActor(event), userId: id },
      { action: 'password_reset', resourceType: 'user', resourceId: id },
    );
    return id;
  });
  if (!userId) throw invalid;
  return { status: 204 };
};
