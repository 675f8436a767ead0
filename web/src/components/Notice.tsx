import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

const TONES = {
  info: { box: 'bg-sky-50 text-sky-900 ring-sky-200', icon: 'info' },
  success: { box: 'bg-emerald-50 text-emerald-900 ring-emerald-200', icon: 'check' },
  warning: { box: 'bg-amber-50 text-amber-900 ring-amber-200', icon: 'alert' },
  danger: { box: 'bg-rose-50 text-rose-900 ring-rose-200', icon: 'alert' },
} satisfies Record<string, { box: string; icon: IconName }>;

/** A short message in a tinted box; `role="status"` makes changes to it polite announcements. */
export function Notice({
  tone = 'info',
  title,
  children,
  action,
  className = '',
  role = 'status',
}: {
  tone?: keyof typeof TONES;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
  role?: 'status' | 'alert' | 'note';
}) {
  const { box, icon } = TONES[tone];
  return (
    <div
      role={role}
      className={`flex gap-3 rounded-lg px-3.5 py-3 text-sm ring-1 ring-inset ${box} ${className}`}
    >
      <Icon name={icon} className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={title ? 'mt-0.5' : ''}>{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
