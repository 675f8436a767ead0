import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { listTimeZones, timeZoneLabel } from '../../lib/time-zones';
import { POSTS_KEY } from '../../publishing/query-keys';
import { scheduleBody, suggestedSchedule, type ScheduleInput } from './schedule-input';

const LABEL = 'block text-sm font-medium text-slate-700';

/** A new time for the post (schedule, reschedule, or retry a failed or missed one). */
export function SchedulePanel({
  postId,
  timeZone,
  verb,
  onDone,
}: {
  postId: string;
  /** The zone the form starts in: the post's own. */
  timeZone: string;
  verb: 'Schedule' | 'Reschedule' | 'Retry';
  onDone: (message: string) => void;
}) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const id = useId();
  const [input, setInput] = useState<ScheduleInput>(() => suggestedSchedule(timeZone));
  const [missing, setMissing] = useState<string | null>(null);
  const zones = useMemo(
    () => listTimeZones(timeZone).map((zone) => ({ zone, label: timeZoneLabel(zone) })),
    [timeZone],
  );
  const schedule = useMutation({
    mutationFn: (body: { localTime: string; timeZone: string }) =>
      unwrap(api.POST('/posts/{id}/schedule', { params: { path: { id: postId } }, body })),
    onSuccess: () => onDone(`Scheduled for ${input.date} at ${input.time} (${input.timeZone}).`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: POSTS_KEY }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = scheduleBody(input);
    if ('error' in result) {
      setMissing(result.error);
      return;
    }
    setMissing(null);
    schedule.mutate(result.body);
  };

  return (
    <form onSubmit={submit} aria-label={`${verb} the post`} className="space-y-3">
      <FormProblem problem={isApiProblem(schedule.error) ? schedule.error : null} />
      {missing ? (
        <p role="alert" className="text-sm text-rose-700">
          {missing}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-date`} className={LABEL}>
            Date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={input.date}
            onChange={(event) => setInput({ ...input, date: event.target.value })}
            className={`${INPUT_CLASS} ${inputRing(null)} mt-1.5`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-time`} className={LABEL}>
            Time
          </label>
          <input
            id={`${id}-time`}
            type="time"
            required
            value={input.time}
            onChange={(event) => setInput({ ...input, time: event.target.value })}
            className={`${INPUT_CLASS} ${inputRing(null)} mt-1.5`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-zone`} className={LABEL}>
            Time zone
          </label>
          <select
            id={`${id}-zone`}
            value={input.timeZone}
            onChange={(event) => setInput({ ...input, timeZone: event.target.value })}
            className={`${INPUT_CLASS} ${inputRing(null)} mt-1.5`}
          >
            {zones.map(({ zone, label }) => (
              <option key={zone} value={zone}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Button type="submit" busy={schedule.isPending} busyLabel="Scheduling…">
        {verb === 'Retry' ? 'Retry at this time' : `${verb} for this time`}
      </Button>
    </form>
  );
}
