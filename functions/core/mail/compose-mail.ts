import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { invitations, type mailOutbox, organizations, users } from '../../db/schema';
import { issueEmailToken } from '../identity/email-tokens';
import {
  accountDeletedMail,
  invitationMail,
  passwordResetMail,
  verificationMail,
} from '../identity/mail-templates';
import { hashToken, newOpaqueToken } from '../identity/opaque-tokens';
import type { MailMessage } from '../ports';

type OutboxRow = typeof mailOutbox.$inferSelect;

/** The message to send now, or why nothing is to be sent any more. */
export type ComposedMail = { message: MailMessage } | { skip: string };

const link = (publicUrl: string, path: string, token: string) =>
  `${publicUrl}${path}${encodeURIComponent(token)}`;

/** The account a link mail is for, if it can still use one. */
async function openAccount(tx: Database, userId: string | null) {
  if (!userId) return undefined;
  const [user] = await tx
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      emailVerified: users.emailVerified,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt), eq(users.isActive, true)));
  return user;
}

/**
 * A new secret for the invitation's link, if the invitation still waits for an answer. Its hash
 * replaces the previous one, so only the link in the newest mail works.
 */
async function renewInvitationLink(tx: Database, invitationId: string, now: Date) {
  const token = newOpaqueToken();
  const [invitation] = await tx
    .update(invitations)
    .set({ tokenHash: hashToken(token) })
    .where(
      and(
        eq(invitations.id, invitationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .returning();
  if (!invitation) return undefined;
  const [organization] = await tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, invitation.organizationId));
  const [inviter] = invitation.invitedBy
    ? await tx
        .select({ email: users.email, firstName: users.firstName, lastName: users.lastName })
        .from(users)
        .where(and(eq(users.id, invitation.invitedBy), isNull(users.deletedAt)))
    : [];
  const inviterName = inviter
    ? [inviter.firstName, inviter.lastName].filter(Boolean).join(' ') || inviter.email
    : 'A colleague';
  return { invitation, token, inviterName, organizationName: organization?.name ?? 'a Plume organization' };
}

/**
 * Renders one outbox row, in the transaction that claimed it. Single-use links are minted here,
 * at sending time, never stored in the outbox: a mail that waited for hours still carries a link
 * with its whole lifetime ahead, each new link voids the previous unused one, and a mail whose
 * reason has gone (address verified meanwhile, account closed, invitation answered or revoked)
 * is skipped instead of sent.
 */
export async function composeMail(
  tx: Database,
  row: OutboxRow,
  context: { publicUrl: string; now: Date },
): Promise<ComposedMail> {
  const { publicUrl, now } = context;
  switch (row.kind) {
    case 'verify_email': {
      const user = await openAccount(tx, row.userId);
      if (!user) return { skip: 'the account is closed' };
      if (user.emailVerified) return { skip: 'the address is already verified' };
      const token = await issueEmailToken(tx, user.id, 'verify_email', now);
      return {
        message: verificationMail(user.email, user.firstName, link(publicUrl, '/verify-email?token=', token)),
      };
    }
    case 'reset_password': {
      const user = await openAccount(tx, row.userId);
      if (!user) return { skip: 'the account is closed' };
      const token = await issueEmailToken(tx, user.id, 'reset_password', now);
      return { message: passwordResetMail(user.email, link(publicUrl, '/reset-password?token=', token)) };
    }
    case 'invitation': {
      const renewed = row.invitationId ? await renewInvitationLink(tx, row.invitationId, now) : undefined;
      if (!renewed) return { skip: 'the invitation was accepted, revoked or has expired' };
      const { invitation, token, inviterName, organizationName } = renewed;
      return {
        message: invitationMail(
          invitation.email,
          inviterName,
          organizationName,
          invitation.role,
          link(publicUrl, '/invitations/', token),
        ),
      };
    }
    case 'account_deleted':
      return row.toAddress ? { message: accountDeletedMail(row.toAddress) } : { skip: 'no address left' };
  }
}
