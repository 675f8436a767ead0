import type { IconName } from '../components/Icon';

export interface NavItem {
  to: string;
  label: string;
  icon: IconName;
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
      { to: '/compose', label: 'Compose', icon: 'compose' },
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
  { title: 'Platform', items: [{ to: '/admin', label: 'Admin', icon: 'admin' }] },
];
