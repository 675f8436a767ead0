import { useId, type ReactNode } from 'react';

/** One titled block of a settings page. */
export function SettingsSection({
  title,
  description,
  aside,
  children,
  tone = 'default',
}: {
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
}) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={`rounded-xl border bg-white shadow-xs ${tone === 'danger' ? 'border-rose-200' : 'border-slate-200'}`}
    >
      <div className="flex flex-col gap-3 border-b border-slate-100 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2
            id={headingId}
            className={`text-base font-semibold ${tone === 'danger' ? 'text-rose-800' : 'text-slate-900'}`}
          >
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm leading-6 text-slate-600">{description}</p> : null}
        </div>
        {aside ? <div className="shrink-0">{aside}</div> : null}
      </div>
      <div className="px-5 py-5">{children}</div>
    </section>
  );
}
