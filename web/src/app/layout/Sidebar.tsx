import { NavLink } from 'react-router';
import { ApprovalsCount } from '../../pages/approvals/ApprovalsCount';
import { Icon } from '../../components/Icon';
import { PlumeMark } from '../../components/PlumeMark';
import { useSignedInUser } from '../../auth/use-session';
import { navigationFor } from '../navigation';
import { useServices } from '../services';

export const SIDEBAR_ID = 'sidebar';

/**
 * One sidebar for every width: fixed on large screens, a drawer below `lg` that the top
 * bar's menu button opens. When the drawer is closed it is `invisible`, which also takes
 * its links out of the tab order and the accessibility tree.
 */
export function Sidebar({
  open,
  onNavigate,
  onClose,
}: {
  open: boolean;
  onNavigate: () => void;
  onClose: () => void;
}) {
  const { config } = useServices();
  const { user } = useSignedInUser();
  const sections = navigationFor(user);
  return (
    <aside
      id={SIDEBAR_ID}
      className={`fixed inset-y-0 left-0 z-50 flex w-64 flex-col border-r border-slate-200 bg-white transition-[translate,visibility] duration-200 lg:visible lg:translate-x-0 ${
        open ? 'visible translate-x-0 shadow-xl lg:shadow-none' : 'invisible -translate-x-full'
      }`}
    >
      <div className="flex h-14 shrink-0 items-center gap-2.5 border-b border-slate-100 px-5">
        <PlumeMark />
        <span className="text-[15px] font-semibold tracking-tight text-slate-900">Plume</span>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-700 lg:hidden"
        >
          <Icon name="close" />
          <span className="sr-only">Close navigation</span>
        </button>
      </div>
      <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
        {sections.map((section, index) => (
          <div key={section.title ?? index} className={index > 0 ? 'mt-6' : ''}>
            {section.title ? (
              <h2 className="px-2.5 pb-1.5 text-[11px] font-semibold tracking-wider text-slate-400 uppercase">
                {section.title}
              </h2>
            ) : null}
            <ul className="space-y-0.5">
              {section.items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    onClick={onNavigate}
                    className={({ isActive }) =>
                      `group flex items-center gap-3 rounded-lg px-2.5 py-2 text-sm font-medium transition-colors ${
                        isActive
                          ? 'bg-brand-50 text-brand-700'
                          : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900'
                      }`
                    }
                  >
                    {({ isActive }) => (
                      <>
                        <Icon
                          name={item.icon}
                          className={`size-5 shrink-0 ${isActive ? 'text-brand-600' : 'text-slate-400 group-hover:text-slate-500'}`}
                        />
                        {item.label}
                        {item.count === 'approvals' ? <ApprovalsCount /> : null}
                      </>
                    )}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <div className="shrink-0 border-t border-slate-100 px-5 py-3.5 text-xs text-slate-500">
        <a
          href={`${config.apiUrl}/docs`}
          className="inline-flex items-center gap-1.5 font-medium text-slate-600 hover:text-slate-900"
        >
          API reference
          <Icon name="external" className="size-3.5" />
        </a>
        <p className="mt-1">
          {config.version ? `Version ${config.version}` : 'Version unknown'}
          {config.region ? ` · ${config.region}` : ''}
        </p>
      </div>
    </aside>
  );
}
