import { expect } from 'vitest';
import { readOutbox } from '../../../functions/adapters/local';
import { bearerApi, type BrowserRig, type SignedIn } from './browser';

let viewers = 0;

/** The first link in the newest mail to `to` whose subject matches. */
async function linkFromMail(rig: BrowserRig, to: string, subject: RegExp): Promise<string> {
  // Mail is sent by the background job after the request has answered.
  await rig.runtime.queue.drained();
  const newest = (await readOutbox(rig.dataDir, to))
    .filter((message) => subject.test(message.subject))
    .at(-1);
  const link = newest?.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`No mail to ${to} matching ${subject} with a link`);
  return link;
}

/**
 * A viewer of the admin's organization, in a browser context of their own, who joined the
 * real way: the admin confirms their address from the outbox mail (required to invite), the
 * API sends the invitation mail, and accepting its token sets the viewer's refresh cookie.
 */
export interface Viewer extends SignedIn {
  /** For requests that need more than `api` gives, like the answer's headers. */
  accessToken: string;
}

export async function inviteViewer(rig: BrowserRig, admin: SignedIn): Promise<Viewer> {
  const profile = await admin.api('GET', '/users/profile');
  expect(profile.status).toBe(200);
  if (profile.body.emailVerified !== true) {
    const verifyLink = new URL(await linkFromMail(rig, admin.email, /Confirm your email/));
    const verified = await admin.api('POST', '/auth/verify-email', {
      token: verifyLink.searchParams.get('token'),
    });
    expect(verified.status).toBe(200);
  }

  viewers += 1;
  const email = `viewer-${viewers}-${Date.now()}@publishing.example`;
  const invited = await admin.api('POST', '/organizations/members/invite', { email, role: 'viewer' });
  expect(invited.status).toBe(201);
  const invitation = new URL(await linkFromMail(rig, email, /invited you/));

  const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const accepted = await context.request.post(`${rig.runtime.url}/api/invitations/accept`, {
    data: {
      token: decodeURIComponent(invitation.pathname.split('/').at(-1) ?? ''),
      password: 'another long and unguessable passphrase',
      firstName: 'Grace',
      lastName: 'Hopper',
      acceptTerms: true,
    },
  });
  expect(accepted.status()).toBe(200);
  const grant = (await accepted.json()) as { accessToken: string; user: { organization: { role: string } } };
  expect(grant.user.organization.role).toBe('viewer');

  const api = bearerApi(rig, context, grant.accessToken);
  return { context, page: await context.newPage(), email, api, accessToken: grant.accessToken };
}
