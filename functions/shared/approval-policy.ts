import * as z from 'zod';
import { ROLES, type Role } from './route-table';

/**
 * Who must have posts approved, and who may approve them, in one organization (stored in
 * `organizations.settings.approvals`). Drafts written by an agent always need approval,
 * whatever `requiredFor` says: nothing an agent writes goes out without a person.
 */
export const approvalPolicy = z
  .object({
    requiredFor: z
      .array(z.enum(ROLES))
      .max(ROLES.length)
      .describe("Roles whose posts need approval before they can be scheduled (agents' drafts always do)"),
    approverRoles: z
      .array(z.enum(['user', 'manager', 'admin']))
      .min(1)
      .max(3)
      .describe('Roles that may approve or request changes'),
  })
  .strict();
export type ApprovalPolicy = z.infer<typeof approvalPolicy>;

/** Until an admin changes it: nobody's own posts need approval, and managers and admins approve. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  requiredFor: [],
  approverRoles: ['manager', 'admin'],
};

/** The stored policy, or the default where none (or an unreadable one) is stored. */
export function approvalPolicyOf(settings: Record<string, unknown> | null | undefined): ApprovalPolicy {
  const parsed = approvalPolicy.safeParse(settings?.approvals);
  return parsed.success ? parsed.data : DEFAULT_APPROVAL_POLICY;
}

export const mayApprove = (policy: ApprovalPolicy, role: Role): boolean =>
  (policy.approverRoles as readonly Role[]).includes(role);
