import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { SessionSplash } from '../../auth/RequireSession';
import { PUBLIC_ONLY_PATHS, safeReturnPath } from '../../auth/return-path';
import { useSessionState } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { PlumeMark } from '../../components/PlumeMark';

/**
 * The frame of the pages a visitor sees without a session: sign-in, sign-up, password
 * reset, email verification, invitations, system status. Someone already signed in who
 * opens sign-in or sign-up is sent on to where they were going.
 */
export function AuthLayout() {
  const state = useSessionState();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const { config } = useServices();

  if (state.status === 'loading') return <SessionSplash />;
  if (state.status === 'signed-in' && PUBLIC_ONLY_PATHS.has(pathname)) {
    return <Navigate to={safeReturnPath(params.get('next'))} replace />;
  }

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 pt-8 sm:pt-14">
        <Link to="/" className="mx-auto flex w-fit items-center gap-2.5 rounded-lg px-1">
          <PlumeMark className="size-8" />
          <span className="text-lg font-semibold tracking-tight text-slate-900">Plume</span>
        </Link>
      </header>
      <main id="main" className="flex-1 px-4 py-8 sm:py-10">
        <Suspense fallback={<div role="status" aria-label="Loading page" className="h-64" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="px-4 pb-8 text-center text-xs text-slate-500">
        <nav aria-label="Footer" className="flex flex-wrap justify-center gap-x-5 gap-y-2">
          <Link to="/status" className="hover:text-slate-800">
            System status
          </Link>
          <a href={`${config.apiUrl}/docs`} className="hover:text-slate-800">
            API reference
          </a>
          {config.version ? <span>Version {config.version}</span> : null}
        </nav>
      </footer>
    </div>
  );
}
