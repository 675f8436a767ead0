import type { ReactNode, SelectHTMLAttributes } from 'react';
import type { FieldProps } from '../../forms/use-form';
import { describedBy, INPUT_CLASS, inputRing } from './field-ids';
import { FieldError, FieldHint, FieldLabel } from './FieldText';

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField({
  id,
  name,
  value,
  error,
  onChange,
  onBlur,
  label,
  hint,
  options,
  className = '',
  ...select
}: FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, keyof FieldProps | 'children'> & {
    label: ReactNode;
    hint?: ReactNode;
    options: readonly SelectOption[];
  }) {
  return (
    <div className={className}>
      <FieldLabel htmlFor={id}>{label}</FieldLabel>
      <div className="mt-1.5">
        <select
          id={id}
          name={name}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${INPUT_CLASS} ${inputRing(error)} pr-8`}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
