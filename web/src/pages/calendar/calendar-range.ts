import {
  addDays,
  addMonths,
  firstOfMonth,
  isoWeekday,
  isPlainDate,
  type PlainDate,
} from '../../lib/plain-date';

/** What the calendar shows and around which day; lives in the URL (`?view=week&date=…`). */
export type CalendarView = 'month' | 'week' | 'day';
export const CALENDAR_VIEWS: readonly CalendarView[] = ['month', 'week', 'day'];

export interface CalendarPosition {
  view: CalendarView;
  /** Any day inside the period shown (the anchor the buttons move). */
  date: PlainDate;
}

/** ISO weekday the week starts on: 1 = Monday, 7 = Sunday. */
export type WeekStart = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Reads the position from the URL; a missing or broken value falls back to the week of today. */
export function positionFromSearch(search: URLSearchParams, today: PlainDate): CalendarPosition {
  const view = search.get('view');
  const date = search.get('date');
  return {
    view: CALENDAR_VIEWS.includes(view as CalendarView) ? (view as CalendarView) : 'week',
    date: date && isPlainDate(date) ? date : today,
  };
}

export function searchFromPosition(position: CalendarPosition): string {
  return new URLSearchParams({ view: position.view, date: position.date }).toString();
}

/** The first day of the week that holds `date`. */
export function startOfWeek(date: PlainDate, weekStart: WeekStart): PlainDate {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
}

export function weekDays(date: PlainDate, weekStart: WeekStart): PlainDate[] {
  const first = startOfWeek(date, weekStart);
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}

/**
 * The month as rows of whole weeks: the days of the previous month that lead into its
 * first week and of the next month that finish its last week are included.
 */
export function monthGrid(date: PlainDate, weekStart: WeekStart): PlainDate[][] {
  const first = firstOfMonth(date);
  const nextMonth = addMonths(first, 1);
  const rows: PlainDate[][] = [];
  for (let day = startOfWeek(first, weekStart); day < nextMonth; day = addDays(day, 7)) {
    rows.push(Array.from({ length: 7 }, (_, index) => addDays(day, index)));
  }
  return rows;
}

/** Every day the view shows, in order. */
export function visibleDays(position: CalendarPosition, weekStart: WeekStart): PlainDate[] {
  if (position.view === 'day') return [position.date];
  if (position.view === 'week') return weekDays(position.date, weekStart);
  return monthGrid(position.date, weekStart).flat();
}

/** The `from`..`to` (inclusive) to ask GET /posts/calendar for. */
export function visibleRange(
  position: CalendarPosition,
  weekStart: WeekStart,
): { from: PlainDate; to: PlainDate } {
  const days = visibleDays(position, weekStart);
  return { from: days[0]!, to: days[days.length - 1]! };
}

/** The anchor after "previous" (-1) or "next" (+1). */
export function stepPosition(position: CalendarPosition, step: -1 | 1): CalendarPosition {
  const { view, date } = position;
  if (view === 'month') return { view, date: addMonths(firstOfMonth(date), step) };
  return { view, date: addDays(date, view === 'week' ? 7 * step : step) };
}

/**
 * The locale's first day of the week (Monday in most of Europe, Sunday in the US), from
 * `Intl.Locale#getWeekInfo` where the browser has it; Monday (ISO) otherwise.
 */
export function localeWeekStart(locale: string | undefined): WeekStart {
  try {
    const info = new Intl.Locale(locale ?? 'en') as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay && firstDay >= 1 && firstDay <= 7 ? (firstDay as WeekStart) : 1;
  } catch {
    return 1;
  }
}
