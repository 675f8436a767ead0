import type { Role } from '../../shared/route-table';
import type { AuditActor } from '../audit/record-audit';

/** Who changes a post: the organization it belongs to, the person, and the audit trail's view of them. */
export interface PostActor {
  organizationId: string;
  userId: string;
  /** Their role in the organization: the approval policy is judged on it. */
  role: Role;
  audit: AuditActor;
}
