import { ROLES } from '../../../functions/shared/route-table';
import type { Role } from '../api/types';

/** viewer < user < manager < admin, the route table's own order. */
export const ROLE_ORDER: readonly Role[] = ROLES;

/** True when `role` is at least `minimum`. The server decides; this only hides what would fail. */
export function hasRole(role: Role | null | undefined, minimum: Role): boolean {
  if (!role) return false;
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  user: 'User',
  manager: 'Manager',
  admin: 'Admin',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'Sees everything, changes nothing',
  user: 'Writes, schedules and publishes posts',
  manager: 'Also connects social accounts',
  admin: 'Also manages members, API keys and settings',
};

/** Roles no higher than `ceiling` (an API key or invitation cannot outrank its creator). */
export const rolesUpTo = (ceiling: Role): Role[] => ROLE_ORDER.filter((role) => hasRole(ceiling, role));
