import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { AnalyticsFilterPanel } from './filters/AnalyticsFilterPanel';
import { RANGE_PRESETS, useAnalyticsRange } from './use-analytics-range';

/** The analytics pages, each a tab; the period and filters are shared through the address. */
const TABS = [
  { to: '', label: 'Overview', end: true },
  { to: 'posts', label: 'Posts' },
  { to: 'growth', label: 'Growth' },
  { to: 'audience', label: 'Audience' },
  { to: 'competitors', label: 'Competitors' },
  { to: 'trends', label: 'Trends' },
  { to: 'reports', label: 'Reports' },
] as const;

export default function AnalyticsLayout() {
  const { days, setDays, timeZone, query } = useAnalyticsRange();
  const { pathname, search } = useLocation();
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: keep the current one in sight.
  useEffect(() => {
    nav.current
      ?.querySelector('[aria-current="page"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <>
      <PageHeader
        title="Analytics"
        description="How your posts perform, from the metrics synced from each network."
      />
      <nav ref={nav} aria-label="Analytics" className="-mx-4 mt-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {TABS.map((tab) => (
            <li key={tab.label}>
              <NavLink
                to={{ pathname: tab.to ? `/analytics/${tab.to}` : '/analytics', search }}
                end={'end' in tab}
                className={({ isActive }) =>
                  `-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${
                    isActive
                      ? 'border-brand-600 text-brand-700'
                      : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
                  }`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6 flex flex-wrap items-center gap-2" role="group" aria-label="Period">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            aria-pressed={days === preset}
            onClick={() => setDays(preset)}
            className={`rounded-md px-3 py-1.5 text-sm ring-1 ${
              days === preset
                ? 'bg-slate-900 text-white ring-slate-900'
                : 'bg-white text-slate-700 ring-slate-300'
            }`}
          >
            Last {preset} days
          </button>
        ))}
        <span className="text-xs text-slate-500">
          {query.from} to {query.to}, {timeZone}
        </span>
      </div>
      <AnalyticsFilterPanel from={query.from} to={query.to} />
      <div className="mt-6">
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
