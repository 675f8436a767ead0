import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { newApiKey } from '../../../core/identity/api-key-format';
import { apiKeys } from '../../../db/schema';
import { withTenant } from '../../../db/tenant';
import { roleAtLeast } from '../../access';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';
import { API_KEY_SCOPES } from '../../../shared/contracts/organizations';

type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

// The column is plain text[]; every scope in it came through the contract's enum.
const isKnownScope = (scope: string): scope is ApiKeyScope => API_KEY_SCOPES.some((known) => known === scope);

const present = (k: typeof apiKeys.$inferSelect) => ({
  id: k.id,
  name: k.name,
  prefix: `plm_${k.prefix}`,
  role: k.role,
  scopes: k.scopes.filter(isKnownScope),
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  expiresAt: k.expiresAt?.toISOString() ?? null,
});

export const listApiKeys: Operation<'listApiKeys'> = async (_input, { container, auth }) => {
  const rows = await withTenant(container.db, auth.organizationId, (tx) =>
    tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, auth.organizationId), isNull(apiKeys.revokedAt)))
      .orderBy(desc(apiKeys.createdAt)),
  );
  return { body: { apiKeys: rows.map(present) } };
};

/** The full key is in this response only; afterwards only its hash exists. */
export const createApiKey: Operation<'createApiKey'> = async (
  { body: input },
  { container, event, auth },
) => {
  if (!roleAtLeast(auth.role, input.role)) {
    throw new HttpProblem(403, 'forbidden', 'A key cannot have more rights than you.');
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= container.clock.now()) {
    throw new HttpProblem(400, 'validation_failed', 'The expiry must be in the future.', {
      errors: [{ field: 'body.expiresAt', message: 'Must be in the future' }],
    });
  }
  const { key, prefix, hash } = newApiKey();
  const row = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        organizationId: auth.organizationId,
        name: input.name,
        prefix,
        keyHash: hash,
        role: input.role,
        scopes: [...new Set(input.scopes)],
        createdBy: auth.userId,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'create',
      resourceType: 'api_key',
      resourceId: created!.id,
      newValues: { name: input.name, role: input.role, scopes: input.scopes },
    });
    return created!;
  });
  return { status: 201, body: { ...present(row), key } };
};

export const revokeApiKey: Operation<'revokeApiKey'> = async ({ params }, { container, event, auth }) => {
  const row = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: container.clock.now() })
      .where(
        and(
          eq(apiKeys.id, params.id),
          eq(apiKeys.organizationId, auth.organizationId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (revoked)
      await recordAudit(tx, auditActor(event, auth), {
        action: 'revoke',
        resourceType: 'api_key',
        resourceId: revoked.id,
      });
    return revoked;
  });
  if (!row) throw notFound('The API key');
  return { status: 204 };
};
