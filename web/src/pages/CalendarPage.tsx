import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { unwrap } from '../api/client';
import { isApiProblem } from '../api/problem';
import { useServices } from '../app/services';
import { useSignedInUser } from '../auth/use-session';
import { problemText } from '../components/FormProblem';
import { Notice } from '../components/Notice';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { calendarKey } from '../publishing/query-keys';
import { STATUS_LOOK, type PostStatus } from '../publishing/statuses';
import { CalendarToolbar } from './calendar/CalendarToolbar';
import { calendarItems, type CalendarItem } from './calendar/calendar-entries';
import { longDay, periodTitle } from './calendar/calendar-labels';
import {
  localeWeekStart,
  positionFromSearch,
  searchFromPosition,
  stepPosition,
  visibleDays,
  type CalendarPosition,
} from './calendar/calendar-range';
import { rescheduleAt, slotOf, type Reschedule } from './calendar/drop-slot';
import { MonthView } from './calendar/MonthView';
import { MoveDialog } from './calendar/MoveDialog';
import type { PlainDate } from '../lib/plain-date';
import { TimeGridView } from './calendar/TimeGridView';
import { useReschedule } from './calendar/use-reschedule';
import { useViewerZone } from './calendar/use-viewer-zone';
import { formatMinutes, wallClockAt } from '../lib/zoned-time';

const LEGEND: PostStatus[] = ['scheduled', 'publishing', 'published', 'failed', 'missed', 'unconfirmed'];

export default function CalendarPage() {
  const { api } = useServices();
  const { can } = useSignedInUser();
  const canEdit = can('user');
  const { zone, ownZone, setZone } = useViewerZone();
  const [search, setSearch] = useSearchParams();
  const weekStart = useMemo(() => localeWeekStart(navigator.language), []);
  const nowMs = Date.now();
  const today = wallClockAt(nowMs, zone).date;
  const position = positionFromSearch(search, today);
  const days = visibleDays(position, weekStart);
  const range = { from: days[0]!, to: days[days.length - 1]!, timeZone: zone };
  const queryKey = calendarKey(range);

  const calendar = useQuery({
    queryKey,
    queryFn: ({ signal }) => unwrap(api.GET('/posts/calendar', { params: { query: range }, signal })),
    // The old period stays on screen while the next one loads, instead of a skeleton.
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => calendarItems(calendar.data?.entries ?? [], zone), [calendar.data, zone]);

  const reschedule = useReschedule(queryKey, zone);
  const [dragging, setDragging] = useState<CalendarItem | null>(null);
  const [moving, setMoving] = useState<CalendarItem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Pushes a history entry: back and forward walk through the periods looked at.
  const go = (next: CalendarPosition) => setSearch(searchFromPosition(next));

  const move = (item: CalendarItem, target: Reschedule) => {
    setMoving(null);
    setFailure(null);
    setAnnouncement('');
    const [date, time] = target.wallTime.localTime.split('T') as [string, string];
    reschedule.mutate(
      { item, target },
      {
        onSuccess: () => setAnnouncement(`Rescheduled to ${longDay(date)}, ${time}.`),
        onError: (error) =>
          setFailure(isApiProblem(error) ? problemText(error) : 'Plume could not reach its API.'),
      },
    );
  };

  const drop = (date: PlainDate, minutes: number | null) => {
    const item = dragging;
    setDragging(null);
    if (!item) return;
    const unchanged = date === item.wall.date && (minutes === null || minutes === slotOf(item.wall.minutes));
    if (unchanged) return;
    const wallMinutes = minutes ?? item.wall.minutes;
    const target = rescheduleAt(date, wallMinutes, zone);
    if (!target) {
      setFailure(
        `${longDay(date)} ${formatMinutes(wallMinutes)} does not exist in ${zone}: the clocks skip that hour.`,
      );
      return;
    }
    move(item, target);
  };

  const viewProps = {
    days,
    items,
    today,
    nowMs,
    timeZone: zone,
    canEdit,
    dragging,
    onDragStart: setDragging,
    onDragEnd: () => setDragging(null),
    onMoveTo: setMoving,
    onDrop: drop,
  };

  return (
    <>
      <PageHeader title="Calendar" description="Your publishing schedule across every connected account." />
      <section aria-label="Schedule" className="mt-6 space-y-4">
        <CalendarToolbar
          title={periodTitle(position, days)}
          view={position.view}
          zone={zone}
          ownZone={ownZone}
          onStep={(step) => go(stepPosition(position, step))}
          onToday={() => go({ view: position.view, date: today })}
          onView={(view) => go({ view, date: position.date })}
          onZone={setZone}
        />
        {!canEdit ? (
          <Notice title="Read only">
            As a viewer you see the schedule; members with the User role move posts.
          </Notice>
        ) : null}
        {failure ? (
          <Notice tone="danger" role="alert" title="The post was not moved">
            {failure}
          </Notice>
        ) : null}
        <p role="status" className="sr-only">
          {announcement}
        </p>
        <QueryState query={calendar} label="the calendar">
          <div aria-busy={calendar.isFetching || reschedule.isPending} data-calendar-view={position.view}>
            {position.view === 'month' ? (
              <MonthView month={position.date} {...viewProps} />
            ) : (
              <TimeGridView {...viewProps} />
            )}
          </div>
        </QueryState>
        <ul aria-label="Colours" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
          {LEGEND.map((status) => (
            <li key={status} className="flex items-center gap-1.5" title={STATUS_LOOK[status].help}>
              <span aria-hidden="true" className={`size-2 rounded-full ${STATUS_LOOK[status].dot}`} />
              {STATUS_LOOK[status].label}
            </li>
          ))}
        </ul>
      </section>
      <MoveDialog item={moving} timeZone={zone} onMove={move} onCancel={() => setMoving(null)} />
    </>
  );
}
