import { and, eq, gt, isNull } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { authTokens, type AuthTokenPurpose } from '../../db/schema';
import { hashToken, newOpaqueToken } from './opaque-tokens';

type Tx = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export const EMAIL_TOKEN_TTL_SECONDS: Record<AuthTokenPurpose, number> = {
  verify_email: 48 * 60 * 60,
  reset_password: 30 * 60,
};

/** Issues a single-use link token; earlier unused tokens of the same purpose stop working. */
export async function issueEmailToken(
  tx: Tx,
  userId: string,
  purpose: AuthTokenPurpose,
  now: Date,
): Promise<string> {
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
  const token = newOpaqueToken();
  await tx.insert(authTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + EMAIL_TOKEN_TTL_SECONDS[purpose] * 1000),
  });
  return token;
}

/** Marks the token used and returns its user, or undefined if unknown, used, expired or for another purpose. */
export async function consumeEmailToken(
  tx: Tx,
  token: string,
  purpose: AuthTokenPurpose,
  now: Date,
): Promise<string | undefined> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId;
}
