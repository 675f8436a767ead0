import type { components } from '../../api/schema.gen';

export type Notification = components['schemas']['Notification'];
export type NotificationSeverity = Notification['severity'];

export interface SeverityLook {
  /** Read out before the title, since colour alone says nothing to a screen reader. */
  label: string;
  /** An IconName (spelled out: this module stays free of React for the unit tests). */
  icon: 'check' | 'alert' | 'info';
  /** The coloured stripe on the item's left edge. */
  stripe: string;
  /** The icon's round backdrop and colour. */
  badge: string;
}

/** A Record, so a new severity in the contract fails to compile until it has a look. */
const LOOKS: Record<NotificationSeverity, SeverityLook> = {
  success: {
    label: 'Success',
    icon: 'check',
    stripe: 'border-l-emerald-500',
    badge: 'bg-emerald-50 text-emerald-700',
  },
  warning: {
    label: 'Warning',
    icon: 'alert',
    stripe: 'border-l-amber-500',
    badge: 'bg-amber-50 text-amber-700',
  },
  error: { label: 'Error', icon: 'alert', stripe: 'border-l-rose-500', badge: 'bg-rose-50 text-rose-700' },
  info: { label: 'Information', icon: 'info', stripe: 'border-l-sky-500', badge: 'bg-sky-50 text-sky-700' },
};

/** How a notification of this severity looks; an unknown one (a newer server) looks like info. */
export function severityLook(severity: string): SeverityLook {
  return Object.hasOwn(LOOKS, severity) ? LOOKS[severity as NotificationSeverity] : LOOKS.info;
}

/**
 * The dashboard path a notification opens, or null. Only same-site paths are followed: a
 * `link` like `//elsewhere.example` or `https://…` would leave the dashboard from a trusted place.
 */
export function dashboardPath(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return link;
}
