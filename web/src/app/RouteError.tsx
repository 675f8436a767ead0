import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * Last line of defence for a page that throws while rendering or fails to load its code
 * (typically a chunk that a new deployment replaced). Reloading fetches the new build.
 */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div role="alert" className="mx-auto max-w-lg px-6 py-24 text-center">
      <title>Something went wrong · Plume</title>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        This page could not be shown. If Plume was just updated, reloading picks up the new version.
      </p>
      <p className="mt-2 font-mono text-xs break-words text-slate-500">{detail}</p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-6 inline-flex items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-xs hover:bg-brand-700"
      >
        Reload
      </button>
    </div>
  );
}
