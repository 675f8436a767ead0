import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { organizationSlug } from '../../../core/identity/organization-slug';
import { hashPassword } from '../../../core/identity/password-hashing';
import { passwordStrengthProblem } from '../../../core/identity/password-strength';
import { createSession } from '../../../core/identity/session-store';
import { OutgoingMail } from '../../../core/mail/outgoing-mail';
import { consents, organizationMembers, organizations, users } from '../../../db/schema';
import { isUniqueViolation } from '../../../db/errors';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor, clientIp, userAgent } from '../../request-origin';
import { sessionGrant } from '../../session-grant';

export const TERMS_VERSION = '2026-11';

/**
 * Creates the person, their organization (they are its admin), records consent, signs them
 * in at once and queues the verification mail. All rows commit together or not at all.
 */
export const register: Operation<'register'> = async ({ body: input }, { container, event }) => {
  const problem = await passwordStrengthProblem(input.password, [
    input.email,
    input.firstName,
    input.lastName,
    input.organizationName,
  ]);
  if (problem) {
    throw new HttpProblem(400, 'validation_failed', problem, {
      errors: [{ field: 'body.password', message: problem }],
    });
  }
  const now = container.clock.now();
  const passwordHash = await hashPassword(input.password);
  const origin = { ipAddress: clientIp(event), userAgent: userAgent(event) };
  const mail = new OutgoingMail();

  const created = await withSystem(container.db, async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) return undefined;
    const [organization] = await tx
      .insert(organizations)
      .values({
        name: input.organizationName,
        slug: organizationSlug(input.organizationName, true),
        gdprConsent: true,
        gdprConsentDate: now,
      })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        passwordHash,
        firstName: input.firstName,
        lastName: input.lastName,
        timezone: input.timezone ?? 'UTC',
        organizationId: organization!.id,
        gdprConsent: true,
        gdprConsentDate: now,
      })
      .returning();
    await tx
      .insert(organizationMembers)
      .values({ organizationId: organization!.id, userId: user!.id, role: 'admin' });
    await tx.insert(consents).values([
      { userId: user!.id, kind: 'terms', granted: true, version: TERMS_VERSION, ...origin },
      { userId: user!.id, kind: 'privacy', granted: true, version: TERMS_VERSION, ...origin },
    ]);
    const { session, refreshToken } = await createSession(tx, {
      userId: user!.id,
      organizationId: organization!.id,
      now,
      ...origin,
    });
    // Sent after the commit by the mail job, so a mailer that refuses cannot fail the sign-up.
    await mail.write(tx, { kind: 'verify_email', userId: user!.id }, now);
    const actor = { ...auditActor(event), userId: user!.id, organizationId: organization!.id };
    await recordAudit(tx, actor, {
      action: 'create',
      resourceType: 'organization',
      resourceId: organization!.id,
      newValues: { name: organization!.name, slug: organization!.slug },
    });
    await recordAudit(tx, actor, {
      action: 'register',
      resourceType: 'user',
      resourceId: user!.id,
      newValues: { email: user!.email, firstName: user!.firstName, lastName: user!.lastName },
    });
    return { user: user!, organization: organization!, session, refreshToken };
  }).catch((error: unknown) => {
    // Two sign-ups racing with one email: the unique constraint decides, the loser gets 409.
    if (isUniqueViolation(error)) return undefined;
    throw error;
  });
  if (!created) {
    throw new HttpProblem(
      409,
      'conflict',
      'An account with this email already exists. Sign in, or reset your password.',
      {
        errors: [{ field: 'body.email', message: 'An account with this email already exists' }],
      },
    );
  }

  await mail.dispatch(container);
  return sessionGrant(container, event, {
    userId: created.user.id,
    organizationId: created.organization.id,
    sessionId: created.session.id,
    refreshToken: created.refreshToken,
    status: 201,
  });
};
