export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Outbound email (SES v2 in AWS; a readable outbox locally). */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}
