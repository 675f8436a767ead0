import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { userSessions } from '../../db/schema';
import { hashToken, newOpaqueToken } from './opaque-tokens';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type SessionRow = typeof userSessions.$inferSelect;

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionOrigin {
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Starts a session family with its first refresh token. */
export async function createSession(
  tx: Tx,
  input: { userId: string; organizationId: string; now: Date } & SessionOrigin,
): Promise<{ session: SessionRow; refreshToken: string }> {
  const refreshToken = newOpaqueToken();
  const [session] = await tx
    .insert(userSessions)
    .values({
      userId: input.userId,
      activeOrganizationId: input.organizationId,
      familyId: randomUUID(),
      tokenHash: hashToken(refreshToken),
      ipAddress: input.ipAddress ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(input.now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      lastUsedAt: input.now,
    })
    .returning();
  return { session: session!, refreshToken };
}

export type RotationResult =
  | { kind: 'rotated'; session: SessionRow; refreshToken: string }
  | { kind: 'reused'; familyId: string; userId: string }
  | { kind: 'invalid' };

/** Revokes every token of a family (sign-out, revoke, or a detected reuse). */
export async function revokeSessionFamily(
  tx: Tx,
  familyId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const revoked = await tx
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.familyId, familyId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return revoked.length;
}

/**
 * Exchanges a refresh token for a new one in the same family. Presenting a token that was
 * already rotated means it was copied: the whole family is revoked, ending the thief's and
 * the owner's sessions alike (the owner simply signs in again). The row is locked so two
 * concurrent refreshes with the same token cannot both win.
 */
export async function rotateRefreshToken(
  tx: Tx,
  refreshToken: string,
  now: Date,
  origin: SessionOrigin,
  options: { organizationId?: string } = {},
): Promise<RotationResult> {
  const [current] = await tx
    .select()
    .from(userSessions)
    .where(eq(userSessions.tokenHash, hashToken(refreshToken)))
    .for('update');
  if (!current) return { kind: 'invalid' };
  if (current.rotatedAt || current.revokedAt) {
    if (current.rotatedAt && !current.revokedAt) {
      await revokeSessionFamily(tx, current.familyId, 'refresh token reuse detected', now);
    }
    return current.rotatedAt
      ? { kind: 'reused', familyId: current.familyId, userId: current.userId }
      : { kind: 'invalid' };
  }
  if (current.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid' };

  const nextToken = newOpaqueToken();
  await tx.update(userSessions).set({ rotatedAt: now }).where(eq(userSessions.id, current.id));
  const [next] = await tx
    .insert(userSessions)
    .values({
      userId: current.userId,
      activeOrganizationId: options.organizationId ?? current.activeOrganizationId,
      familyId: current.familyId,
      tokenHash: hashToken(nextToken),
      deviceInfo: current.deviceInfo,
      ipAddress: origin.ipAddress ?? current.ipAddress,
      userAgent: origin.userAgent?.slice(0, 512) ?? current.userAgent,
      // The family keeps its original horizon: rotation does not extend a stolen session forever.
      expiresAt: current.expiresAt,
      createdAt: current.createdAt,
      lastUsedAt: now,
    })
    .returning();
  return { kind: 'rotated', session: next!, refreshToken: nextToken };
}

/** Sessions a person can see and revoke: the live head of each family. */
export async function listActiveSessions(tx: Tx, userId: string, now: Date): Promise<SessionRow[]> {
  return tx
    .select()
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.rotatedAt),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, now),
      ),
    )
    .orderBy(userSessions.createdAt);
}
