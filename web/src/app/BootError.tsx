/** Shown when /config.json cannot be loaded: without it the dashboard does not know its API. */
export function BootError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-6">
      <div role="alert" className="max-w-md text-center">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Plume could not start</h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{message}</p>
        <p className="mt-2 text-sm leading-6 text-slate-500">
          If you run Plume yourself, check that the API is up (<code className="font-mono">npm start</code>{' '}
          locally).
        </p>
        <button
          type="button"
          onClick={onRetry}
          className="mt-6 inline-flex items-center rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white shadow-xs hover:bg-indigo-700"
        >
          Try again
        </button>
      </div>
    </main>
  );
}
