import { useSyncExternalStore } from 'react';
import type { Me, OrganizationSummary, Role } from '../api/types';
import { useServices } from '../app/services';
import { hasRole } from './roles';
import type { SessionManager, SessionState } from './session-manager';

/** The session's state; re-renders on every change. */
export function useSessionState(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(
    (onChange) => session.subscribe(onChange),
    () => session.getState(),
  );
}

export interface SessionApi {
  state: SessionState;
  user: Me | null;
  organization: OrganizationSummary | null;
  role: Role | null;
  /** True when the current role is at least `minimum`. */
  can: (minimum: Role) => boolean;
  signIn: SessionManager['signIn'];
  register: SessionManager['register'];
  acceptInvitation: SessionManager['acceptInvitation'];
  signOut: SessionManager['signOut'];
  refresh: SessionManager['refresh'];
  switchOrganization: SessionManager['switchOrganization'];
  updateUser: SessionManager['updateUser'];
  reloadUser: SessionManager['reloadUser'];
}

/** Who is signed in, in which organization with which role, and the actions that change it. */
export function useSession(): SessionApi {
  const { session } = useServices();
  const state = useSessionState();
  const user = state.status === 'signed-in' ? state.user : null;
  const role = user?.organization.role ?? null;
  return {
    state,
    user,
    organization: user?.organization ?? null,
    role,
    can: (minimum) => hasRole(role, minimum),
    signIn: (body) => session.signIn(body),
    register: (body) => session.register(body),
    acceptInvitation: (body) => session.acceptInvitation(body),
    signOut: (reason) => session.signOut(reason),
    refresh: () => session.refresh(),
    switchOrganization: (id) => session.switchOrganization(id),
    updateUser: (next) => session.updateUser(next),
    reloadUser: () => session.reloadUser(),
  };
}

/** For pages behind <RequireSession>: the user is known, so no null checks. */
export function useSignedInUser(): {
  user: Me;
  organization: OrganizationSummary;
  role: Role;
  can: (minimum: Role) => boolean;
} {
  const { user, can } = useSession();
  if (!user) throw new Error('useSignedInUser() is only for pages behind <RequireSession>.');
  return { user, organization: user.organization, role: user.organization.role, can };
}
