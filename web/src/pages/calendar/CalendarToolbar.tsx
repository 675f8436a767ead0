import { Button } from '../../components/Button';
import { listTimeZones, utcOffsetLabel } from '../../lib/time-zones';
import { CALENDAR_VIEWS, type CalendarView } from './calendar-range';

const VIEW_LABELS: Record<CalendarView, string> = { month: 'Month', week: 'Week', day: 'Day' };

/** Previous / today / next, the period shown, the view switch and the zone picker. */
export function CalendarToolbar({
  title,
  view,
  zone,
  ownZone,
  onStep,
  onToday,
  onView,
  onZone,
}: {
  title: string;
  view: CalendarView;
  zone: string;
  ownZone: string;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
  onView: (view: CalendarView) => void;
  onZone: (zone: string | null) => void;
}) {
  const unit = view === 'month' ? 'month' : view;
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="sm" onClick={() => onStep(-1)} aria-label={`Previous ${unit}`}>
            <span aria-hidden="true">‹</span>
          </Button>
          <Button variant="secondary" size="sm" onClick={onToday}>
            Today
          </Button>
          <Button variant="secondary" size="sm" onClick={() => onStep(1)} aria-label={`Next ${unit}`}>
            <span aria-hidden="true">›</span>
          </Button>
        </div>
        <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
          {title}
        </h2>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <div
          role="group"
          aria-label="View"
          className="inline-flex rounded-lg ring-1 ring-slate-300 ring-inset"
        >
          {CALENDAR_VIEWS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === view}
              onClick={() => onView(option)}
              className={`px-3 py-1.5 text-[13px] font-medium first:rounded-l-lg last:rounded-r-lg ${option === view ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-50'}`}
            >
              {VIEW_LABELS[option]}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-2 text-sm">
          <label htmlFor="calendar-zone" className="text-slate-600">
            Time zone
          </label>
          <select
            id="calendar-zone"
            value={zone}
            onChange={(event) => onZone(event.target.value)}
            className="max-w-52 rounded-lg border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
          >
            {listTimeZones(zone).map((option) => (
              <option key={option} value={option}>
                {option.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
          <span className="text-xs text-slate-500" data-testid="zone-offset">
            {utcOffsetLabel(zone)}
          </span>
          {zone !== ownZone ? (
            <Button variant="ghost" size="sm" onClick={() => onZone(null)}>
              Use my zone
            </Button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
