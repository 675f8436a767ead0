import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { hashToken } from '../../../core/identity/opaque-tokens';
import { revokeSessionFamily, rotateRefreshToken } from '../../../core/identity/session-store';
import { organizationMembers, users, userSessions } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { assertSameOrigin } from '../../csrf';
import { HttpProblem } from '../../problem';
import { auditActor, clientIp, userAgent } from '../../request-origin';
import { clearedRefreshCookie, readRefreshCookie } from '../../session-cookie';
import { sessionGrant } from '../../session-grant';

/** Ends the session family of the refresh cookie (if any) and clears the cookie. Always 204. */
export const logout: Operation<'logout'> = async (_input, { container, event }) => {
  assertSameOrigin(event, container.env);
  const token = readRefreshCookie(event);
  if (token) {
    const now = container.clock.now();
    await withSystem(container.db, async (tx) => {
      const [session] = await tx
        .select()
        .from(userSessions)
        .where(eq(userSessions.tokenHash, hashToken(token)));
      if (!session) return;
      await revokeSessionFamily(tx, session.familyId, 'signed out', now);
      await recordAudit(
        tx,
        { ...auditActor(event), userId: session.userId, organizationId: session.activeOrganizationId },
        {
          action: 'logout',
          resourceType: 'session',
          resourceId: session.id,
        },
      );
    });
  }
  return { status: 204, cookies: [clearedRefreshCookie(event)] };
};

/** Rotates the refresh cookie and issues a new access token; a replayed cookie ends the family. */
export const refreshSession: Operation<'refreshSession'> = async (_input, { container, event }) => {
  assertSameOrigin(event, container.env);
  const token = readRefreshCookie(event);
  const refused = (detail: string) =>
    new HttpProblem(401, 'unauthorized', detail, { headers: { 'set-cookie': clearedRefreshCookie(event) } });
  if (!token) throw refused('No session; sign in.');
  const now = container.clock.now();
  const result = await withSystem(container.db, async (tx) => {
    const rotation = await rotateRefreshToken(tx, token, now, {
      ipAddress: clientIp(event),
      userAgent: userAgent(event),
    });
    if (rotation.kind === 'reused') {
      await recordAudit(
        tx,
        { ...auditActor(event), userId: rotation.userId },
        {
          action: 'session_reuse_detected',
          resourceType: 'session',
          resourceId: rotation.familyId,
        },
      );
    }
    return rotation;
  });
  if (result.kind === 'reused')
    throw refused('This session was ended because its refresh token was used twice; sign in again.');
  if (result.kind === 'invalid') throw refused('The session expired or was revoked; sign in again.');
  const organizationId = result.session.activeOrganizationId;
  if (!organizationId) throw refused('The session has no organization; sign in again.');
  return sessionGrant(container, event, {
    userId: result.session.userId,
    organizationId,
    sessionId: result.session.id,
    refreshToken: result.refreshToken,
  });
};

/** Moves the current session to another organization the user belongs to. */
export const switchOrganization: Operation<'switchOrganization'> = async (
  { body },
  { container, event, auth },
) => {
  const { organizationId } = body;
  const sessionId = auth.sessionId!;
  const switched = await withSystem(container.db, async (tx) => {
    const [membership] = await tx
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .where(
        and(
          eq(organizationMembers.userId, auth.userId),
          eq(organizationMembers.organizationId, organizationId),
        ),
      );
    if (!membership) return false;
    await tx
      .update(userSessions)
      .set({ activeOrganizationId: organizationId })
      .where(eq(userSessions.id, sessionId));
    await tx.update(users).set({ organizationId }).where(eq(users.id, auth.userId));
    await recordAudit(
      tx,
      { ...auditActor(event, auth), organizationId },
      {
        action: 'switch_organization',
        resourceType: 'session',
        resourceId: sessionId,
        oldValues: { organizationId: auth.organizationId },
        newValues: { organizationId },
      },
    );
    return true;
  });
  if (!switched) throw new HttpProblem(404, 'not_found', 'You are not a member of that organization.');
  return sessionGrant(container, event, { userId: auth.userId, organizationId, sessionId });
};
