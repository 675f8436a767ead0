import type { NotificationFilters } from './notification-filters';

const OPTION =
  'rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

/** All / Unread, as two pressed-or-not buttons; changing it goes back to page 1. */
export function FilterSwitch({
  filters,
  unreadCount,
  onChange,
}: {
  filters: NotificationFilters;
  unreadCount: number | undefined;
  onChange: (next: NotificationFilters) => void;
}) {
  const options = [
    { unreadOnly: false, label: 'All' },
    { unreadOnly: true, label: unreadCount === undefined ? 'Unread' : `Unread (${unreadCount})` },
  ];
  return (
    <div role="group" aria-label="Show" className="inline-flex gap-1 rounded-lg bg-slate-100 p-1">
      {options.map((option) => {
        const pressed = option.unreadOnly === filters.unreadOnly;
        return (
          <button
            key={option.label}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange({ unreadOnly: option.unreadOnly, page: 1 })}
            className={`${OPTION} ${pressed ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600 hover:text-slate-900'}`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
