import type { MailMessage } from '../ports';

export interface NotificationMailInput {
  to: string;
  firstName: string | null;
  organizationName: string;
  /** The event type's label from the catalogue, e.g. "Post failed". */
  typeLabel: string;
  title: string;
  body: string | null;
  /** Dashboard path of the notification (`/posts/<id>`), made absolute here. */
  link: string | null;
  /** PUBLIC_URL: where the dashboard is served. */
  publicUrl: string;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only a dashboard path becomes a link; anything else stored in `link` is not trusted into a mail. */
const isDashboardPath = (link: string | null): link is string =>
  link !== null && link.startsWith('/') && !link.startsWith('//');

/**
 * The email of one notification. Plain text first, like the identity emails, plus a simple HTML
 * part in which every piece of user or platform text (post errors, account names) is escaped.
 * The footer says why the mail came and links to the preferences.
 */
export function notificationMail(input: NotificationMailInput): MailMessage {
  const base = input.publicUrl.replace(/\/+$/, '');
  const url = isDashboardPath(input.link) ? `${base}${input.link}` : null;
  const preferencesUrl = `${base}/notifications`;
  const greeting = `Hello${input.firstName ? ` ${input.firstName}` : ''},`;
  const why = `You get this email because “${input.typeLabel}” emails are on for you in ${input.organizationName}.`;

  const text = [
    greeting,
    input.title,
    input.body,
    url ? `Open it in Plume:\n${url}` : null,
    `— Plume\n${why}\nChoose which emails you get: ${preferencesUrl}`,
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');

  const paragraph = (content: string) => `<p>${content}</p>`;
  const html = [
    paragraph(escapeHtml(greeting)),
    `<p><strong>${escapeHtml(input.title)}</strong></p>`,
    input.body ? paragraph(escapeHtml(input.body).replace(/\n/g, '<br>')) : '',
    url ? paragraph(`<a href="${escapeHtml(url)}">Open it in Plume</a>`) : '',
    `<hr><p style="color:#64748b;font-size:12px">${escapeHtml(why)} <a href="${escapeHtml(preferencesUrl)}">Choose which emails you get</a>.</p>`,
  ].join('\n');

  return {
    to: input.to,
    subject: `${input.title} (${input.organizationName})`,
    text,
    html: `<!doctype html>\n<html><body style="font-family:sans-serif;line-height:1.5">\n${html}\n</body></html>\n`,
  };
}
