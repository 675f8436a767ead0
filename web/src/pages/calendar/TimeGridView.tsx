import { useEffect, useRef, useState } from 'react';
import { AddPostLink } from './AddPostLink';
import { CalendarChip } from './CalendarChip';
import { groupItems } from './calendar-entries';
import { longDay, shortDay } from './calendar-labels';
import { daySlots, slotOf, SLOT_MINUTES } from './drop-slot';
import { dropTargetHandlers } from './drop-target';
import type { PlainDate } from '../../lib/plain-date';
import type { CalendarViewProps } from './view-props';
import { dayLengthHours, formatMinutes, instantOfWallTime } from '../../lib/zoned-time';

/** Where the grid opens scrolled to: the working day, not midnight. */
const FIRST_VISIBLE_MINUTES = 7 * 60;

/** Slots of a day that do not exist on the wall clock (the hour skipped in spring). */
function skippedSlots(date: PlainDate, timeZone: string, slots: number[]): Set<number> {
  if (dayLengthHours(date, timeZone) >= 24) return new Set();
  return new Set(slots.filter((minutes) => instantOfWallTime(date, minutes, timeZone) === null));
}

function dstNote(hours: number): string | null {
  if (hours === 23) return '23-hour day: the clocks go forward';
  if (hours === 25) return '25-hour day: the clocks go back';
  return hours === 24 ? null : `${hours}-hour day`;
}

/**
 * The week or day as half-hour rows of the viewer's wall clock. Posts sit at their wall
 * time, so on a 23- or 25-hour day they are still at the hour the clock shows.
 */
export function TimeGridView(props: CalendarViewProps) {
  const { days, items, today, timeZone, canEdit, dragging } = props;
  const [hover, setHover] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const slots = daySlots();
  const bySlot = groupItems(items, (item) => `${item.wall.date}T${formatMinutes(slotOf(item.wall.minutes))}`);
  const skipped = new Map(days.map((day) => [day, skippedSlots(day, timeZone, slots)]));
  const columns = { gridTemplateColumns: `4rem repeat(${days.length}, minmax(0, 1fr))` };

  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row="${FIRST_VISIBLE_MINUTES}"]`);
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop;
  }, []);

  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div className="grid border-b border-slate-200 bg-slate-50" style={columns}>
        <div />
        {days.map((day) => {
          const dayHasItems = items.some((item) => item.wall.date === day);
          const note = dstNote(dayLengthHours(day, timeZone));
          return (
            <div
              key={day}
              data-day-header={day}
              className="flex min-w-0 items-center justify-between gap-1 border-l border-slate-200 px-2 py-2"
            >
              <div className="min-w-0">
                <p
                  aria-current={day === today ? 'date' : undefined}
                  className={`truncate text-sm font-medium ${day === today ? 'text-indigo-700' : 'text-slate-700'}`}
                >
                  <span aria-hidden="true">{shortDay(day)}</span>
                  <span className="sr-only">{longDay(day)}</span>
                </p>
                {note ? (
                  <p className="truncate text-[11px] text-amber-700" title={note}>
                    {note}
                  </p>
                ) : null}
              </div>
              {canEdit && !dayHasItems ? (
                <AddPostLink date={day} nowMs={props.nowMs} timeZone={timeZone} />
              ) : null}
            </div>
          );
        })}
      </div>
      <div ref={scroller} className="relative max-h-[65vh] overflow-y-auto">
        <div className="grid" style={columns}>
          {slots.map((minutes) => (
            <div key={minutes} data-row={minutes} className="contents">
              <div className="border-t border-slate-100 pr-2 text-right text-[11px] text-slate-400 tabular-nums">
                {minutes % 60 === 0 ? formatMinutes(minutes) : ''}
              </div>
              {days.map((day) => {
                const key = `${day}T${formatMinutes(minutes)}`;
                const missing = skipped.get(day)?.has(minutes) ?? false;
                const slotItems = bySlot.get(key) ?? [];
                return (
                  <div
                    key={key}
                    data-slot={key}
                    title={missing ? 'This time does not exist that day: the clocks skip it.' : undefined}
                    {...dropTargetHandlers(key, canEdit && dragging !== null && !missing, setHover, () =>
                      props.onDrop(day, minutes),
                    )}
                    className={`min-h-6 min-w-0 space-y-0.5 border-l p-0.5 ${minutes % 60 === 0 ? 'border-t border-t-slate-200' : 'border-t border-t-slate-50'} border-l-slate-200 ${missing ? 'bg-[repeating-linear-gradient(45deg,#f1f5f9,#f1f5f9_4px,#fff_4px,#fff_8px)]' : ''} ${hover === key ? 'bg-indigo-50 ring-2 ring-indigo-400 ring-inset' : ''}`}
                  >
                    {slotItems.map((item) => (
                      <CalendarChip
                        key={item.key}
                        item={item}
                        canMove={canEdit}
                        onDragStart={props.onDragStart}
                        onDragEnd={props.onDragEnd}
                        onMoveTo={props.onMoveTo}
                      />
                    ))}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
        Drop a post on a {SLOT_MINUTES}-minute slot to reschedule it.
      </p>
    </div>
  );
}
