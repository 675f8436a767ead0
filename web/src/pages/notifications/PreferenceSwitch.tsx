import { useId } from 'react';
import type { components } from '../../api/schema.gen';

export type NotificationPreference = components['schemas']['NotificationPreference'];

/** One event type's in-app switch, named by the API's label and described by its description. */
export function PreferenceSwitch({
  preference,
  on,
  disabled,
  onToggle,
}: {
  preference: NotificationPreference;
  /** What the switch shows: the saving value while a save runs, else the stored one. */
  on: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  const labelId = useId();
  const descriptionId = useId();
  return (
    <li
      className="flex items-start justify-between gap-4 py-3 first:pt-0 last:pb-0"
      data-preference={preference.type}
    >
      <div className="min-w-0 text-sm">
        <p id={labelId} className="font-medium text-slate-900">
          {preference.label}
        </p>
        <p id={descriptionId} className="mt-0.5 text-slate-600">
          {preference.description}
        </p>
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={labelId}
        aria-describedby={descriptionId}
        disabled={disabled}
        onClick={onToggle}
        className={`relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${on ? 'bg-brand-600' : 'bg-slate-300'}`}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-4 rounded-full bg-white shadow-xs transition-transform ${on ? 'translate-x-4.5' : 'translate-x-0.5'}`}
        />
      </button>
    </li>
  );
}
