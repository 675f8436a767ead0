import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { consumeEmailToken, issueEmailToken } from '../../../core/identity/email-tokens';
import { passwordResetMail } from '../../../core/identity/mail-templates';
import { hashToken } from '../../../core/identity/opaque-tokens';
import { hashPassword } from '../../../core/identity/password-hashing';
import { passwordStrengthProblem } from '../../../core/identity/password-strength';
import { authTokens, users, userSessions } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../area-handler';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';

/** Always 202, whether or not the email has an account: the answer must not reveal it. */
export const forgotPassword: Operation = async ({ body }, { container, event }) => {
  const { email } = body as { email: string };
  const now = container.clock.now();
  const issued = await withSystem(container.db, async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt), eq(users.isActive, true)));
    if (!user) return undefined;
    const token = await issueEmailToken(tx, user.id, 'reset_password', now);
    await recordAudit(
      tx,
      { ...auditActor(event), userId: user.id },
      { action: 'password_reset_requested', resourceType: 'user', resourceId: user.id },
    );
    return { email: user.email, token };
  });
  if (issued) {
    const link = `${container.env.PUBLIC_URL}/reset-password?token=${encodeURIComponent(issued.token)}`;
    await container.mailer.send(passwordResetMail(issued.email, link));
  }
  return { status: 202 };
};

/** Sets a new password with a reset link, then ends every session of the account. */
export const resetPassword: Operation = async ({ body }, { container, event }) => {
  const { token, password } = body as { token: string; password: string };
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
