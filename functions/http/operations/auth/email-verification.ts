import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { consumeEmailToken } from '../../../core/identity/email-tokens';
import { OutgoingMail } from '../../../core/mail/outgoing-mail';
import { issueWebSocketTicket, WS_TICKET_TTL_SECONDS } from '../../../core/realtime/websocket-tickets';
import { users } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor } from '../../request-origin';

export const verifyEmail: Operation<'verifyEmail'> = async ({ body }, { container, event }) => {
  const { token } = body;
  const now = container.clock.now();
  const verified = await withSystem(container.db, async (tx) => {
    const userId = await consumeEmailToken(tx, token, 'verify_email', now);
    if (!userId) return false;
    await tx
      .update(users)
      .set({ emailVerified: true, emailVerifiedAt: now, updatedAt: now })
      .where(eq(users.id, userId));
    await recordAudit(
      tx,
      { ...auditActor(event), userId },
      { action: 'verify_email', resourceType: 'user', resourceId: userId },
    );
    return true;
  });
  if (!verified) {
    throw new HttpProblem(
      400,
      'validation_failed',
      'This verification link is invalid, used or expired; send a new one.',
      {
        errors: [{ field: 'body.token', message: 'Invalid or expired verification link' }],
      },
    );
  }
  return { body: { emailVerified: true } };
};

/**
 * Queues a fresh link (sending it voids the previous one); a mail still waiting, e.g. after the
 * mailer refused it, is tried again now. Already verified: nothing to send.
 */
export const resendVerification: Operation<'resendVerification'> = async (_input, { container, auth }) => {
  const now = container.clock.now();
  const mail = new OutgoingMail();
  await withSystem(container.db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, auth.userId));
    if (user && !user.emailVerified) await mail.write(tx, { kind: 'verify_email', userId: user.id }, now);
  });
  await mail.dispatch(container);
  return { status: 202 };
};

export const createWebSocketTicket: Operation<'createWebSocketTicket'> = async (
  _input,
  { container, auth },
) => {
  const ticket = await issueWebSocketTicket(container.kv, container.clock, {
    userId: auth.userId,
    organizationId: auth.organizationId,
  });
  return { status: 201, body: { ticket, expiresIn: WS_TICKET_TTL_SECONDS } };
};
