import { Link, useLocation } from 'react-router';

export default function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <title>Page not found · Plume</title>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 tabIndex={-1} className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
        Page not found
      </h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        Nothing lives at{' '}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13px]">{pathname}</code>. The link
        may be mistyped, or the page may have moved.
      </p>
      <Link
        to="/"
        className="mt-6 inline-flex items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-xs hover:bg-brand-700"
      >
        Back to the overview
      </Link>
    </div>
  );
}
