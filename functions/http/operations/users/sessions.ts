import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { listActiveSessions, revokeSessionFamily } from '../../../core/identity/session-store';
import { userSessions } from '../../../db/schema';
import { withSystem } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { notFound } from '../../problem';
import { auditActor } from '../../request-origin';

export const listSessions: Operation<'listSessions'> = async (_input, { container, auth }) => {
  const rows = await withSystem(container.db, (tx) =>
    listActiveSessions(tx, auth.userId, container.clock.now()),
  );
  return {
    body: {
      sessions: rows.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
        expiresAt: s.expiresAt.toISOString(),
        ipAddress: s.ipAddress,
        userAgent: s.userAgent,
        current: s.id === auth.sessionId,
      })),
    },
  };
};

/** Ends one of the caller's own sessions (its whole family); someone else's id is a 404. */
export const revokeSession: Operation<'revokeSession'> = async ({ params }, { container, event, auth }) => {
  const id = params.id;
  const revoked = await withSystem(container.db, async (tx) => {
    const [session] = await tx
      .select()
      .from(userSessions)
      .where(and(eq(userSessions.id, id), eq(userSessions.userId, auth.userId)));
    if (!session) return false;
    await revokeSessionFamily(tx, session.familyId, 'revoked by user', container.clock.now());
    await recordAudit(tx, auditActor(event, auth), {
      action: 'revoke',
      resourceType: 'session',
      resourceId: id,
    });
    return true;
  });
  if (!revoked) throw notFound('The session');
  return { status: 204 };
};
