import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { firstWords, type CalendarItem } from './calendar-entries';
import { rescheduleAt, type Reschedule } from './drop-slot';
import { isPlainDate } from '../../lib/plain-date';
import { formatMinutes, parseMinutes } from '../../lib/zoned-time';

/**
 * The keyboard way to reschedule: a date and a time in the viewer's zone, the same thing
 * a drop sends. A time the clocks skip is refused here, before the server would.
 */
export function MoveDialog({
  item,
  timeZone,
  onMove,
  onCancel,
}: {
  item: CalendarItem | null;
  timeZone: string;
  onMove: (item: CalendarItem, target: Reschedule) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dateId = useId();
  const timeId = useId();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (item) {
      setDate(item.wall.date);
      setTime(formatMinutes(item.wall.minutes));
      setError(null);
      if (!element.open) element.showModal();
    } else if (element.open) {
      element.close();
    }
  }, [item]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!item) return;
    const minutes = parseMinutes(time.slice(0, 5));
    if (!isPlainDate(date) || minutes === null) {
      setError('Give a date and a time.');
      return;
    }
    const target = rescheduleAt(date, minutes, timeZone);
    if (!target) {
      setError(`${date} ${formatMinutes(minutes)} does not exist in ${timeZone}: the clocks skip that hour.`);
      return;
    }
    onMove(item, target);
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {item ? (
        <form className="p-5" onSubmit={submit} noValidate>
          <h2 id={titleId} className="text-base font-semibold text-slate-900">
            Move “{firstWords(item.title ?? item.excerpt) || 'Untitled post'}”
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            The new time is read in {timeZone.replace(/_/g, ' ')}.
          </p>
          <div className="mt-4 grid grid-cols-2 gap-3">
            <div>
              <label htmlFor={dateId} className="block text-sm font-medium text-slate-800">
                Date
              </label>
              <input
                id={dateId}
                type="date"
                required
                value={date}
                onChange={(event) => setDate(event.target.value)}
                className={`mt-1.5 ${INPUT_CLASS} ${inputRing(error)}`}
              />
            </div>
            <div>
              <label htmlFor={timeId} className="block text-sm font-medium text-slate-800">
                Time
              </label>
              <input
                id={timeId}
                type="time"
                required
                step={900}
                value={time}
                onChange={(event) => setTime(event.target.value)}
                className={`mt-1.5 ${INPUT_CLASS} ${inputRing(error)}`}
              />
            </div>
          </div>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-rose-700">
              {error}
            </p>
          ) : null}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit">Move</Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
