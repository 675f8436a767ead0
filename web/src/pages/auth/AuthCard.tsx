import { useRef, type ReactNode } from 'react';
import { useHeadingFocus } from '../../components/use-heading-focus';

/**
 * The card every signed-out page is built from: a heading that takes focus when the page
 * changes (as a full page load would), an optional line below it, the content, and links
 * under the card.
 */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useHeadingFocus(heading);

  return (
    <div className="mx-auto w-full max-w-md">
      <title>{`${title} · Plume`}</title>
      <div className="text-center">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900">
          {title}
        </h1>
        {subtitle ? <p className="mt-2 text-sm leading-6 text-slate-600">{subtitle}</p> : null}
      </div>
      <div className="mt-8 rounded-xl border border-slate-200 bg-white px-5 py-6 shadow-xs sm:px-8 sm:py-8">
        {children}
      </div>
      {footer ? <div className="mt-6 text-center text-sm text-slate-600">{footer}</div> : null}
    </div>
  );
}

export const LINK_CLASS = 'font-medium text-brand-700 underline-offset-2 hover:underline';
