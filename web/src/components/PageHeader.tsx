import { useEffect, useRef, type ReactNode } from 'react';

/**
 * After the first page, each navigation moves focus to the new page's heading so screen
 * reader and keyboard users land on the content, as they would on a full page load.
 */
let firstPageShown = false;

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description: string;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <div className="flex flex-col gap-4 border-b border-slate-200 pb-6 sm:flex-row sm:items-end sm:justify-between">
      <title>{`${title} · Plume`}</title>
      <div className="min-w-0">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        <p className="mt-1.5 max-w-2xl text-sm leading-6 text-slate-600">{description}</p>
      </div>
      {actions ? <div className="flex shrink-0 gap-2">{actions}</div> : null}
    </div>
  );
}
