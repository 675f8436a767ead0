import { eq } from 'drizzle-orm';
import { organizations } from '../../../db/schema';
import type { Transaction } from '../../../db/tenant';
import { approvalPolicyOf, type ApprovalPolicy } from '../../../shared/approval-policy';

/** The organization's approval policy as stored now (the default when it never set one). */
export async function loadApprovalPolicy(tx: Transaction, organizationId: string): Promise<ApprovalPolicy> {
  const [row] = await tx
    .select({ settings: organizations.settings })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return approvalPolicyOf(row?.settings);
}
