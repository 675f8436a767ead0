import type { ReactNode } from 'react';
import { Icon } from '../Icon';

/** The label, and below the control its hint and its error (tied by id to aria-describedby). */
export function FieldLabel({
  htmlFor,
  children,
  optional,
}: {
  htmlFor: string;
  children: ReactNode;
  optional?: boolean;
}) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
      {children}
      {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="mt-1.5 text-xs leading-5 text-slate-500">
      {children}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="mt-1.5 flex gap-1.5 text-xs leading-5 font-medium text-rose-700">
      <Icon name="alert" className="mt-0.5 size-3.5 shrink-0" />
      <span>{error}</span>
    </p>
  );
}
