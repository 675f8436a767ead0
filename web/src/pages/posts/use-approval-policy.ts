import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';

/** The same key as the organization settings page, so both share one cached answer. */
export const ORGANIZATION_KEY = ['organization'] as const;

/**
 * Whether the signed-in member may approve or request changes: the organization's policy
 * (GET /organizations `approvals`). Until it loads, nobody may (no button that could 403).
 */
export function useMayApprove(): boolean {
  const { api } = useServices();
  const { role } = useSignedInUser();
  const organization = useQuery({
    queryKey: ORGANIZATION_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations', { signal })),
  });
  return organization.data?.approvals.approverRoles.some((approver) => approver === role) ?? false;
}
