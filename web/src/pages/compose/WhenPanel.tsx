import { useId, useMemo, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { listTimeZones, timeZoneLabel } from '../../lib/time-zones';
import type { ScheduleCheck } from './schedule-time';

export type SubmitAction = 'draft' | 'schedule' | 'publish' | 'review';

/** Save as a draft, schedule at a wall time in a zone, or publish now; `bestTime` fills the time. */
export function WhenPanel({
  date,
  time,
  timeZone,
  onDate,
  onTime,
  onTimeZone,
  schedule,
  blocking,
  busy,
  canSave,
  onSubmit,
  bestTime,
  review = null,
}: {
  date: string;
  time: string;
  timeZone: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  onTimeZone: (value: string) => void;
  schedule: ScheduleCheck;
  /** Reasons the post cannot be scheduled or published as it is. */
  blocking: readonly string[];
  busy: SubmitAction | null;
  /** False until there is something to save (an account to post to). */
  canSave: boolean;
  onSubmit: (action: SubmitAction) => void;
  /** The smart scheduler's "Best time" (compose/assistant), which sets the date and time. */
  bestTime?: ReactNode;
  /** Why the post must be approved first (the server would answer 409): sent for review instead. */
  review?: string | null;
}) {
  const id = useId();
  // Offsets change with daylight saving time: label the zones for the chosen day (at noon,
  // clear of any change), and only recompute when the day or the zone changes.
  const zones = useMemo(() => {
    const noon = new Date(`${date}T12:00:00Z`);
    const at = Number.isNaN(noon.getTime()) ? undefined : noon;
    return listTimeZones(timeZone).map((zone) => ({ value: zone, label: timeZoneLabel(zone, at) }));
  }, [timeZone, date]);
  const timeProblem = schedule.ok ? null : schedule.message;
  const blocked = blocking.length > 0;
  const describedBy = [blocked ? `${id}-blocking` : null, timeProblem ? `${id}-time-error` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <div>
          <label htmlFor={`${id}-date`} className="block text-sm font-medium text-slate-800">
            Date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => onDate(event.target.value)}
            aria-invalid={timeProblem ? true : undefined}
            className={`mt-1.5 ${INPUT_CLASS} ${inputRing(timeProblem)}`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-time`} className="block text-sm font-medium text-slate-800">
            Time
          </label>
          <input
            id={`${id}-time`}
            type="time"
            value={time}
            onChange={(event) => onTime(event.target.value)}
            aria-invalid={timeProblem ? true : undefined}
            className={`mt-1.5 ${INPUT_CLASS} ${inputRing(timeProblem)}`}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-zone`} className="block text-sm font-medium text-slate-800">
          Time zone
        </label>
        <select
          id={`${id}-zone`}
          value={timeZone}
          onChange={(event) => onTimeZone(event.target.value)}
          className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
        >
          {zones.map((zone) => (
            <option key={zone.value} value={zone.value}>
              {zone.label}
            </option>
          ))}
        </select>
      </div>
      {timeProblem ? (
        <p id={`${id}-time-error`} className="flex gap-1.5 text-xs font-medium text-rose-700">
          <Icon name="alert" className="mt-0.5 size-3.5 shrink-0" />
          {timeProblem}
        </p>
      ) : schedule.ok && schedule.note ? (
        <p className="text-xs text-slate-600">{schedule.note}</p>
      ) : null}

      {blocked ? (
        <div
          id={`${id}-blocking`}
          role="status"
          className="rounded-lg bg-rose-50 px-3.5 py-3 text-sm text-rose-800 ring-1 ring-rose-200 ring-inset"
        >
          <p className="font-medium">Fix these before scheduling or publishing:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="blocking-reasons">
            {blocking.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {review ? (
        <p id={`${id}-review`} className="text-sm text-amber-800" data-testid="composer-review-note">
          {review} Save it and send it for review; once approved, schedule it from its page.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {review ? (
          <Button
            onClick={() => onSubmit('review')}
            disabled={busy !== null || !canSave}
            busy={busy === 'review'}
          >
            Send for review
          </Button>
        ) : null}
        <Button
          variant={review ? 'secondary' : 'primary'}
          onClick={() => onSubmit('schedule')}
          disabled={review !== null || blocked || timeProblem !== null || busy !== null}
          busy={busy === 'schedule'}
          aria-describedby={(review ? `${id}-review` : describedBy) || undefined}
        >
          <Icon name="clock" className="size-4" />
          Schedule
        </Button>
        <Button
          variant="secondary"
          onClick={() => onSubmit('publish')}
          disabled={review !== null || blocked || busy !== null}
          busy={busy === 'publish'}
          aria-describedby={review ? `${id}-review` : blocked ? `${id}-blocking` : undefined}
        >
          Publish now
        </Button>
        <Button
          variant="secondary"
          onClick={() => onSubmit('draft')}
          disabled={busy !== null || !canSave}
          busy={busy === 'draft'}
        >
          Save draft
        </Button>
      </div>
      {bestTime}
    </div>
  );
}
