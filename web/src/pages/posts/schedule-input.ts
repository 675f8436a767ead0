/** A schedule as the form gathers it: a wall time in a zone, which the server resolves. */
export interface ScheduleInput {
  date: string;
  time: string;
  timeZone: string;
}

export type ScheduleBody = { localTime: string; timeZone: string };

/** The body of POST /posts/{id}/schedule, or what is missing (the server judges the rest). */
export function scheduleBody(input: ScheduleInput): { body: ScheduleBody } | { error: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return { error: 'Choose a date.' };
  if (!/^\d{2}:\d{2}$/.test(input.time)) return { error: 'Choose a time.' };
  if (!input.timeZone) return { error: 'Choose a time zone.' };
  return { body: { localTime: `${input.date}T${input.time}`, timeZone: input.timeZone } };
}

/** Tomorrow at 09:00 in `timeZone`: a sensible first suggestion for a new time. */
export function suggestedSchedule(timeZone: string, now: Date = new Date()): ScheduleInput {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { date: tomorrow, time: '09:00', timeZone };
}
