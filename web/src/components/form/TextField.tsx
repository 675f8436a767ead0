import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import type { FieldProps } from '../../forms/use-form';
import { Icon } from '../Icon';
import { describedBy, INPUT_CLASS, inputRing } from './field-ids';
import { FieldError, FieldHint, FieldLabel } from './FieldText';

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, keyof FieldProps | 'children'>;

export function TextField({
  id,
  name,
  value,
  error,
  onChange,
  onBlur,
  label,
  hint,
  optional,
  inputRef,
  className = '',
  ...input
}: FieldProps &
  NativeInput & {
    label: ReactNode;
    hint?: ReactNode;
    optional?: boolean;
    inputRef?: Ref<HTMLInputElement>;
  }) {
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} optional={optional}>
        {label}
      </FieldLabel>
      <div className="mt-1.5">
        <input
          ref={inputRef}
          id={id}
          name={name}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${INPUT_CLASS} ${inputRing(error)}`}
          {...input}
        />
      </div>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A password input with a show/hide toggle: typing a long passphrase blind invites mistakes. */
export function PasswordField({
  id,
  name,
  value,
  error,
  onChange,
  onBlur,
  label,
  hint,
  autoComplete,
  className = '',
  labelAside,
}: FieldProps & {
  label: ReactNode;
  hint?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
  className?: string;
  /** Next to the label, e.g. a "Forgot password?" link. */
  labelAside?: ReactNode;
}) {
  const [visible, setVisible] = useState(false);
  return (
    <div className={className}>
      <div className="flex items-baseline justify-between gap-3">
        <FieldLabel htmlFor={id}>{label}</FieldLabel>
        {labelAside}
      </div>
      <div className="relative mt-1.5">
        <input
          id={id}
          name={name}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          autoComplete={autoComplete}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={`${INPUT_CLASS} ${inputRing(error)} pr-10`}
        />
        <button
          type="button"
          onClick={() => setVisible((shown) => !shown)}
          aria-pressed={visible}
          aria-controls={id}
          className="absolute inset-y-0 right-0 flex items-center rounded-r-lg px-3 text-slate-400 hover:text-slate-600"
        >
          <Icon name={visible ? 'eyeOff' : 'eye'} className="size-4" />
          <span className="sr-only">Show password</span>
        </button>
      </div>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
    </div>
  );
}
