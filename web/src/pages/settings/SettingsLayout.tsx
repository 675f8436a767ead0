import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSignedInUser } from '../../auth/use-session';
import { Icon, type IconName } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';

interface SettingsTab {
  to: string;
  label: string;
  icon: IconName;
  adminOnly?: boolean;
}

const TABS: SettingsTab[] = [
  { to: 'profile', label: 'Profile', icon: 'user' },
  { to: 'sessions', label: 'Sessions', icon: 'device' },
  { to: 'organization', label: 'Organization', icon: 'building' },
  { to: 'api-keys', label: 'API keys', icon: 'key', adminOnly: true },
  { to: 'privacy', label: 'Privacy', icon: 'lock' },
];

export default function SettingsLayout() {
  const { can } = useSignedInUser();
  const tabs = TABS.filter((tab) => !tab.adminOnly || can('admin'));
  const nav = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a narrow screen the tabs scroll sideways: keep the current one in sight.
  useEffect(() => {
    nav.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <>
      <PageHeader title="Settings" description="Your profile, your organization and your data." />
      <nav ref={nav} aria-label="Settings" className="-mx-4 mt-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                className={({ isActive }) =>
                  `-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
                    isActive
                      ? 'border-brand-600 text-brand-700'
                      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                  }`
                }
              >
                <Icon name={tab.icon} className="size-4" />
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-8">
        <Suspense
          fallback={
            <div role="status" aria-label="Loading" className="h-40 animate-pulse rounded-xl bg-slate-100" />
          }
        >
          <Outlet />
        </Suspense>
      </div>
    </>
  );
}
