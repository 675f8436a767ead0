import { useState } from 'react';

/**
 * A labelled group of checkboxes: several choices at once, each a native control (Tab to it,
 * Space to tick), so it works with any keyboard or screen reader without a custom listbox.
 */
export function ChoiceList<Value extends string>({
  legend,
  options,
  selected,
  onChange,
  empty,
}: {
  legend: string;
  options: ReadonlyArray<{ value: Value; label: string }>;
  selected: readonly Value[];
  onChange: (next: Value[]) => void;
  /** Said when there is nothing to choose. */
  empty: string;
}) {
  // The boxes show a tick at once: the address, where `selected` comes from, is updated by the
  // router in a transition, and a controlled checkbox would flick back until it lands.
  const [shown, setShown] = useState(selected);
  const [followed, setFollowed] = useState(selected);
  if (followed.join(',') !== selected.join(',')) {
    // The address changed (this list, back, a link, "Clear filters"): follow it.
    setFollowed(selected);
    setShown(selected);
  }
  // Ticked values keep the options' order, so the address reads the same however they were ticked.
  const toggle = (value: Value, checked: boolean) => {
    const next = checked
      ? options.map((option) => option.value).filter((v) => v === value || shown.includes(v))
      : shown.filter((v) => v !== value);
    setShown(next);
    onChange(next);
  };
  return (
    <fieldset className="min-w-0 text-sm">
      <legend className="mb-1 text-xs font-medium text-slate-600">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-slate-500">{empty}</p>
      ) : (
        <ul className="space-y-1">
          {options.map((option) => (
            <li key={option.value}>
              <label className="flex items-start gap-2 break-words text-slate-800">
                <input
                  type="checkbox"
                  className="mt-0.5 shrink-0"
                  checked={shown.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                <span className="min-w-0">{option.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
