import type { ReactNode } from 'react';
import type { CheckboxProps } from '../../forms/use-form';
import { describedBy } from './field-ids';
import { FieldError } from './FieldText';

export function CheckboxField({
  id,
  name,
  checked,
  error,
  onChange,
  onBlur,
  label,
  hint,
  className = '',
}: CheckboxProps & { label: ReactNode; hint?: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <div className="flex gap-3">
        <input
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={onChange}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600"
        />
        <div className="text-sm leading-5">
          <label htmlFor={id} className="text-slate-700">
            {label}
          </label>
          {hint ? (
            <p id={`${id}-hint`} className="text-xs text-slate-500">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}
