import type { ButtonHTMLAttributes, ReactNode } from 'react';

const VARIANTS = {
  primary: 'bg-brand-600 text-white shadow-xs hover:bg-brand-700 disabled:bg-brand-600/60',
  secondary:
    'bg-white text-slate-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-rose-600 text-white shadow-xs hover:bg-rose-700 disabled:bg-rose-600/60',
  ghost: 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-400',
  dangerGhost: 'text-rose-700 hover:bg-rose-50 disabled:text-rose-300',
} as const;

const SIZES = {
  md: 'px-3.5 py-2 text-sm',
  sm: 'px-2.5 py-1.5 text-[13px]',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function Button({
  variant = 'primary',
  size = 'md',
  busy = false,
  busyLabel,
  className = '',
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  size?: keyof typeof SIZES;
  /** Shows a spinner and blocks clicks while a request runs. */
  busy?: boolean;
  /** Replaces the label while busy ("Signing in…"). */
  busyLabel?: ReactNode;
}) {
  return (
    <button
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-lg font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...rest}
    >
      {busy ? <Spinner /> : null}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

export function Spinner({ className = 'size-4' }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" className={`animate-spin ${className}`} aria-hidden="true" focusable="false">
      <circle
        cx="10"
        cy="10"
        r="7.5"
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.25"
        strokeWidth="2.5"
      />
      <path
        d="M17.5 10A7.5 7.5 0 0 0 10 2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
