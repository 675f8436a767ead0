import type { Ref } from 'react';
import { Icon } from '../../components/Icon';
import { LiveStatus } from '../../components/LiveStatus';
import { NotificationBell } from '../../pages/notifications/NotificationBell';
import { OrganizationSwitcher } from './OrganizationSwitcher';
import { SIDEBAR_ID } from './Sidebar';
import { UserMenu } from './UserMenu';

export function TopBar({
  navOpen,
  onToggleNav,
  menuButtonRef,
}: {
  navOpen: boolean;
  onToggleNav: () => void;
  menuButtonRef: Ref<HTMLButtonElement>;
}) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
      <button
        ref={menuButtonRef}
        type="button"
        aria-controls={SIDEBAR_ID}
        aria-expanded={navOpen}
        onClick={onToggleNav}
        className="-ml-1.5 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700 lg:hidden"
      >
        <Icon name={navOpen ? 'close' : 'menu'} />
        <span className="sr-only">{navOpen ? 'Close navigation' : 'Open navigation'}</span>
      </button>
      <OrganizationSwitcher />
      <div className="ml-auto flex items-center gap-2 sm:gap-3">
        <NotificationBell />
        <LiveStatus />
        <div className="h-5 w-px bg-slate-200" aria-hidden="true" />
        <UserMenu />
      </div>
    </header>
  );
}
