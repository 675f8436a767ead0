import type { MailMessage } from '../ports';

/**
 * The identity emails. Plain text first (it is what most clients and the local outbox show);
 * every link is absolute, built from PUBLIC_URL, and names how long it lasts.
 */
const footer = '\n\n— Plume\nIf you did not expect this email, you can ignore it.';

export function verificationMail(to: string, firstName: string | null, link: string): MailMessage {
  return {
    to,
    subject: 'Confirm your email address for Plume',
    text: `Hello${firstName ? ` ${firstName}` : ''},\n\nConfirm your email address to finish setting up Plume:\n\n${link}\n\nThe link works once and expires in 48 hours.${footer}`,
  };
}

export function passwordResetMail(to: string, link: string): MailMessage {
  return {
    to,
    subject: 'Reset your Plume password',
    text: `Someone (hopefully you) asked to reset the password of your Plume account.\n\nChoose a new password here:\n\n${link}\n\nThe link works once and expires in 30 minutes. Your password stays the same until you use it.${footer}`,
  };
}

export function invitationMail(
  to: string,
  inviter: string,
  organizationName: string,
  role: string,
  link: string,
): MailMessage {
  return {
    to,
    subject: `${inviter} invited you to ${organizationName} on Plume`,
    text: `${inviter} invited you to join ${organizationName} on Plume as ${role === 'admin' ? 'an' : 'a'} ${role}.\n\nAccept the invitation:\n\n${link}\n\nThe invitation expires in 7 days.${footer}`,
  };
}

export function accountDeletedMail(to: string): MailMessage {
  return {
    to,
    subject: 'Your Plume account was deleted',
    text: `Your Plume account and its personal data were deleted as you asked. Posts you wrote for your organizations remain theirs, without your name.${footer}`,
  };
}
