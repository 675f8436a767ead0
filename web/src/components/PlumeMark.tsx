/** Plume's logo mark: the feather on the brand tile. */
export function PlumeMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path
        d="M22.5 7.5c-6 0-11 4.6-11.5 11.2l-.5 5.8 2 .2.4-4.2c4.8-.4 8.4-3.4 9.6-7.7h-3.3c1.6-1 2.8-2.9 3.3-5.3z"
        fill="#fff"
      />
    </svg>
  );
}
