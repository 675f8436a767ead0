/** One on/off switch of a preference row, named by the row's label plus its channel. */
export function PreferenceSwitch({
  labelledBy,
  describedBy,
  on,
  disabled,
  onToggle,
}: {
  /** Ids of the type's label and of the channel's visible name, e.g. "Post failed" + "Email". */
  labelledBy: string;
  describedBy: string;
  /** What the switch shows: the saving value while a save runs, else the stored one. */
  on: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      disabled={disabled}
      onClick={onToggle}
      className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${on ? 'bg-brand-600' : 'bg-slate-300'}`}
    >
      <span
        aria-hidden="true"
        className={`inline-block size-4 rounded-full bg-white shadow-xs transition-transform ${on ? 'translate-x-4.5' : 'translate-x-0.5'}`}
      />
    </button>
  );
}
