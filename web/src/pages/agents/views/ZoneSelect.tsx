import { useId, useMemo } from 'react';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { listTimeZones, timeZoneLabel } from '../../../lib/time-zones';

/** The audience's zone: the weekday and hour an agent reads in. */
export function ZoneSelect({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const id = useId();
  const zones = useMemo(
    () => listTimeZones(value).map((zone) => ({ zone, label: timeZoneLabel(zone) })),
    [value],
  );
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Audience zone
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
      >
        {zones.map(({ zone, label }) => (
          <option key={zone} value={zone}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A few window lengths to pick from. */
export function DaysSelect({
  value,
  onChange,
  options,
  label,
}: {
  value: number;
  onChange: (days: number) => void;
  options: readonly number[];
  label: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
      >
        {options.map((days) => (
          <option key={days} value={days}>
            {days === 1 ? '1 day' : `${days} days`}
          </option>
        ))}
      </select>
    </div>
  );
}
