import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { MAX_RANGE_DAYS, rangeProblem } from '../analytics-filters';

/**
 * Any days instead of a preset: two dates, applied together (a half-typed range would ask the
 * API for nonsense). Checked here with the API's own rules: first day not after the last, and at
 * most MAX_RANGE_DAYS days.
 */
export function CustomRangeForm({
  from,
  to,
  onApply,
}: {
  /** The period shown now, to start from. */
  from: string;
  to: string;
  onApply: (range: { from: string; to: string }) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState({ from, to });
  const [problem, setProblem] = useState<string | null>(null);
  // A preset or a link changes the period under the form: follow it.
  useEffect(() => {
    setDraft({ from, to });
    setProblem(null);
  }, [from, to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = rangeProblem(draft.from, draft.to);
    setProblem(found);
    if (!found) onApply(draft);
  };
  const field = (name: 'from' | 'to', label: string) => (
    <div className="min-w-0">
      <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type="date"
        required
        value={draft[name]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : `${id}-hint`}
        onChange={(event) => setDraft((current) => ({ ...current, [name]: event.target.value }))}
        className={`${INPUT_CLASS} ${inputRing(problem)} mt-1`}
      />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Custom period" className="min-w-0 space-y-2">
      <p className="text-xs font-medium text-slate-600">Custom period</p>
      <div className="grid grid-cols-2 gap-2">
        {field('from', 'First day')}
        {field('to', 'Last day')}
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-xs text-rose-700">
          {problem}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          Both days included; at most {MAX_RANGE_DAYS} days.
        </p>
      )}
      <Button type="submit" variant="secondary" size="sm">
        Show these days
      </Button>
    </form>
  );
}
