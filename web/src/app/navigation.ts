import type { Me, Role } from '../api/types';
import { hasRole } from '../auth/roles';
import type { IconName } from '../components/Icon';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Shown only from this role up (the page itself still explains, if opened by URL). */
  minRole?: Role;
  /** Platform administration: only for super-admins of the installation. */
  superAdminOnly?: boolean;
  /** A live count beside the label (layout/Sidebar.tsx draws it). */
  count?: 'approvals';
}

export interface NavSection {
  /** Omitted for the unlabeled top group. */
  title?: string;
  items: NavItem[];
}

/** The sidebar, in order. Every item has a route in router.tsx. */
export const NAVIGATION: NavSection[] = [
  { items: [{ to: '/', label: 'Overview', icon: 'overview' }] },
  {
    title: 'Content',
    items: [
      { to: '/calendar', label: 'Calendar', icon: 'calendar' },
      { to: '/posts', label: 'Posts', icon: 'posts' },
      { to: '/approvals', label: 'Approvals', icon: 'check', count: 'approvals' },
      // Viewers cannot write; the page still explains why if they open it by its address.
      { to: '/compose', label: 'Compose', icon: 'compose', minRole: 'user' },
      { to: '/media', label: 'Media', icon: 'media' },
    ],
  },
  {
    title: 'Insights',
    items: [
      { to: '/analytics', label: 'Analytics', icon: 'analytics' },
      { to: '/ai-agents', label: 'AI agents', icon: 'agents' },
      { to: '/notifications', label: 'Notifications', icon: 'notifications' },
    ],
  },
  {
    title: 'Workspace',
    items: [
      { to: '/accounts', label: 'Accounts', icon: 'accounts' },
      { to: '/team', label: 'Team', icon: 'team' },
      { to: '/settings', label: 'Settings', icon: 'settings' },
      { to: '/billing', label: 'Billing', icon: 'billing' },
    ],
  },
  { title: 'Platform', items: [{ to: '/admin', label: 'Admin', icon: 'admin', superAdminOnly: true }] },
];

/** The sidebar for one user: items they cannot use are left out, empty sections too. */
export function navigationFor(user: Pick<Me, 'isSuperAdmin' | 'organization'>): NavSection[] {
  const visible = (item: NavItem) =>
    (!item.superAdminOnly || user.isSuperAdmin) &&
    (!item.minRole || hasRole(user.organization.role, item.minRole));
  return NAVIGATION.map((section) => ({ ...section, items: section.items.filter(visible) })).filter(
    (section) => section.items.length > 0,
  );
}
