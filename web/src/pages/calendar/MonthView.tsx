import { useState } from 'react';
import { Link } from 'react-router';
import { AddPostLink } from './AddPostLink';
import { CalendarChip } from './CalendarChip';
import { groupItems } from './calendar-entries';
import { longDay, weekdayName } from './calendar-labels';
import { searchFromPosition } from './calendar-range';
import { dropTargetHandlers } from './drop-target';
import { sameMonth, type PlainDate } from '../../lib/plain-date';
import type { CalendarViewProps } from './view-props';

/** Chips shown per day before "N more" (the day view lists them all). */
const MAX_CHIPS = 3;

/** Whole weeks of the month; dropping a chip on a day keeps its time of day. */
export function MonthView({ month, ...props }: CalendarViewProps & { month: PlainDate }) {
  const { days, items, today, canEdit, dragging } = props;
  const [hover, setHover] = useState<string | null>(null);
  const byDay = groupItems(items, (item) => item.wall.date);

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div aria-hidden="true" className="grid grid-cols-7 border-b border-slate-200 bg-slate-50">
        {days.slice(0, 7).map((day) => (
          <div key={day} className="px-2 py-2 text-xs font-medium text-slate-500">
            {weekdayName(day)}
          </div>
        ))}
      </div>
      <div className="grid grid-cols-7">
        {days.map((day) => {
          const dayItems = byDay.get(day) ?? [];
          const outside = !sameMonth(day, month);
          const isToday = day === today;
          return (
            <div
              key={day}
              role="group"
              aria-label={longDay(day)}
              data-day={day}
              {...dropTargetHandlers(day, canEdit && dragging !== null, setHover, () =>
                props.onDrop(day, null),
              )}
              className={`min-h-28 min-w-0 border-r border-b border-slate-100 p-1.5 [&:nth-child(7n)]:border-r-0 ${outside ? 'bg-slate-50/70' : 'bg-white'} ${hover === day ? 'bg-indigo-50 ring-2 ring-indigo-400 ring-inset' : ''}`}
            >
              <div className="mb-1 flex items-center justify-between">
                <Link
                  to={{ search: searchFromPosition({ view: 'day', date: day }) }}
                  aria-label={`${longDay(day)}, day view`}
                  aria-current={isToday ? 'date' : undefined}
                  className={`inline-flex size-6 items-center justify-center rounded-full text-xs font-medium ${isToday ? 'bg-indigo-600 text-white' : outside ? 'text-slate-400 hover:bg-slate-100' : 'text-slate-700 hover:bg-slate-100'}`}
                >
                  {Number(day.slice(8))}
                </Link>
                {canEdit && dayItems.length === 0 ? (
                  <AddPostLink date={day} nowMs={props.nowMs} timeZone={props.timeZone} />
                ) : null}
              </div>
              <ul className="space-y-1">
                {dayItems.slice(0, MAX_CHIPS).map((item) => (
                  <li key={item.key}>
                    <CalendarChip
                      item={item}
                      canMove={canEdit}
                      onDragStart={props.onDragStart}
                      onDragEnd={props.onDragEnd}
                      onMoveTo={props.onMoveTo}
                    />
                  </li>
                ))}
              </ul>
              {dayItems.length > MAX_CHIPS ? (
                <Link
                  to={{ search: searchFromPosition({ view: 'day', date: day }) }}
                  className="mt-1 block px-1 text-xs font-medium text-indigo-700 hover:underline"
                >
                  {dayItems.length - MAX_CHIPS} more
                </Link>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
