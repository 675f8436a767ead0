import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import { isUniqueViolation } from '../../../db/errors';
import { organizations } from '../../../db/schema';
import { approvalPolicyOf } from '../../../shared/approval-policy';
import { withTenant } from '../../../db/tenant';
import type { Operation } from '../../operation';
import { HttpProblem, notFound } from '../../problem';
import { auditActor } from '../../request-origin';

type OrganizationRow = typeof organizations.$inferSelect;

export const presentOrganization = (o: OrganizationRow) => ({
  id: o.id,
  name: o.name,
  slug: o.slug,
  subscriptionPlan: o.subscriptionPlan,
  subscriptionStatus: o.subscriptionStatus,
  maxUsers: o.maxUsers,
  maxSocialAccounts: o.maxSocialAccounts,
  dataRetentionDays: o.dataRetentionDays,
  approvals: approvalPolicyOf(o.settings),
  createdAt: o.createdAt.toISOString(),
});

export const getOrganization: Operation<'getOrganization'> = async (_input, { container, auth }) => {
  const [row] = await withTenant(container.db, auth.organizationId, (tx) =>
    tx.select().from(organizations).where(eq(organizations.id, auth.organizationId)),
  );
  if (!row) throw notFound('The organization');
  return { body: presentOrganization(row) };
};

export const updateOrganization: Operation<'updateOrganization'> = async (
  { body: changes },
  { container, event, auth },
) => {
  const now = container.clock.now();
  const updated = await withTenant(container.db, auth.organizationId, async (tx) => {
    const [before] = await tx.select().from(organizations).where(eq(organizations.id, auth.organizationId));
    if (!before) return undefined;
    const { approvals, ...columns } = changes;
    const [after] = await tx
      .update(organizations)
      .set({
        ...columns,
        // The policy lives in the settings document; the rest of it is kept as it is.
        ...(approvals
          ? { settings: sql`${organizations.settings} || ${JSON.stringify({ approvals })}::jsonb` }
          : {}),
        updatedAt: now,
      })
      .where(eq(organizations.id, auth.organizationId))
      .returning();
    await recordAudit(tx, auditActor(event, auth), {
      action: 'update',
      resourceType: 'organization',
      resourceId: auth.organizationId,
      oldValues: Object.fromEntries(
        Object.keys(changes).map((k) => [
          k,
          k === 'approvals' ? approvalPolicyOf(before.settings) : before[k as keyof OrganizationRow],
        ]),
      ),
      newValues: changes,
    });
    return after;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new HttpProblem(409, 'conflict', 'That slug is taken.', {
        errors: [{ field: 'body.slug', message: 'Already taken' }],
      });
    }
    throw error;
  });
  if (!updated) throw notFound('The organization');
  return { body: presentOrganization(updated) };
};
