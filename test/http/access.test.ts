import { describe, expect, it } from 'vitest';
import { enforceAccess, roleAtLeast } from '../../functions/http/access';
import type { AuthContext } from '../../functions/http/auth-context';
import type { HttpProblem } from '../../functions/http/problem';
import { ROLES, type Access } from '../../functions/http/route-table';

const as = (role: AuthContext['role'], isSuperAdmin = false): AuthContext => ({
  userId: 'u',
  organizationId: 'o',
  role,
  isSuperAdmin,
  via: 'session',
});

const statusOf = (access: Access, auth: AuthContext | undefined): number => {
  try {
    enforceAccess(access, auth);
    return 200;
  } catch (error) {
    return (error as HttpProblem).status;
  }
};

describe('enforceAccess', () => {
  it('orders roles viewer < user < manager < admin', () => {
    expect(roleAtLeast('admin', 'viewer')).toBe(true);
    expect(roleAtLeast('user', 'manager')).toBe(false);
  });

  it('applies the policy for every role against every minimum', () => {
    for (const minimum of ROLES) {
      for (const role of ROLES) {
        expect(statusOf(minimum, as(role))).toBe(ROLES.indexOf(role) >= ROLES.indexOf(minimum) ? 200 : 403);
      }
      expect(statusOf(minimum, undefined)).toBe(401);
    }
  });

  it('lets anyone through public routes and only super-admins through super-admin ones', () => {
    expect(statusOf('public', undefined)).toBe(200);
    expect(statusOf('super-admin', as('admin'))).toBe(403);
    expect(statusOf('super-admin', as('viewer', true))).toBe(200);
    expect(statusOf('super-admin', undefined)).toBe(401);
  });
});
