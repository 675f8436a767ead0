import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { LoginThrottle } from '../../../core/identity/login-throttle';
import {
  decoyPasswordHash,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../../core/identity/password-hashing';
import { createSession } from '../../../core/identity/session-store';
import { organizationMembers, users } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem } from '../../problem';
import { auditActor, clientIp, userAgent } from '../../request-origin';
import { sessionGrant } from '../../session-grant';

const INVALID = 'Email or password is incorrect.';

/**
 * Signs in with email and password. Unknown emails cost the same Argon2 verification as known
 * ones and get the same message, so neither timing nor wording tells who has an account.
 * Repeated failures slow down per account and address, and are capped per address and (for
 * unfamiliar addresses) per account (LoginThrottle).
 */
export const login: Operation<'login'> = async ({ body }, { container, event }) => {
  const { email, password } = body;
  const ip = clientIp(event);
  const throttle = new LoginThrottle(container.kv, container.clock);
  // The attempt takes its slot before the hash is checked, so parallel guesses cannot all pass.
  const attempt = await throttle.begin(email, ip);
  if (!attempt.allowed) {
    const wait = attempt.retryAfterSeconds;
    throw new HttpProblem(429, 'rate_limited', `Too many failed sign-ins; try again in ${wait} s.`, {
      headers: { 'retry-after': String(wait) },
    });
  }

  const [user] = await withSystem(container.db, (tx) =>
    tx
      .select()
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt))),
  );
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid || !user.isActive || !user.passwordHash) {
    // Nothing more to count: the slot `begin` reserved is this failure.
    if (user) {
      await withSystem(container.db, (tx) =>
        recordAudit(
          tx,
          { ...auditActor(event), userId: user.id },
          { action: 'login_failed', resourceType: 'user', resourceId: user.id },
        ),
      );
    }
    throw new HttpProblem(401, 'unauthorized', INVALID);
  }
  await throttle.succeeded(email, ip);

  const now = container.clock.now();
  const rehash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  const started = await withSystem(container.db, async (tx) => {
    const memberships = await tx
      .select({ organizationId: organizationMembers.organizationId })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, user.id));
    const organizationId =
      memberships.find((m) => m.organizationId === user.organizationId)?.organizationId ??
      memberships[0]?.organizationId;
    if (!organizationId) return undefined;
    await tx
      .update(users)
      .set({
        lastLogin: now,
        failedLoginCount: 0,
        organizationId,
        ...(rehash ? { passwordHash: rehash } : {}),
      })
      .where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      organizationId,
      now,
      ipAddress: ip,
      userAgent: userAgent(event),
    });
    await recordAudit(
      tx,
      { ...auditActor(event), userId: user.id, organizationId },
      {
        action: 'login',
        resourceType: 'session',
        resourceId: session.session.id,
      },
    );
    return { organizationId, ...session };
  });
  if (!started) {
    throw new HttpProblem(
      403,
      'forbidden',
      'Your account no longer belongs to any organization. Ask an admin to invite you again.',
    );
  }
  return sessionGrant(container, event, {
    userId: user.id,
    organizationId: started.organizationId,
    sessionId: started.session.id,
    refreshToken: started.refreshToken,
  });
};
