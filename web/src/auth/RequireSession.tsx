import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '../components/Button';
import { PlumeMark } from '../components/PlumeMark';
import { problemText } from '../components/FormProblem';
import { useServices } from '../app/services';
import { loginPath } from './return-path';
import { useSessionState } from './use-session';

/**
 * Guards every signed-in page: while the session is being restored it shows a splash, when
 * there is none it sends the visitor to sign in and back here afterwards. A deliberate
 * sign-out goes to the sign-in page without a way back.
 */
export function RequireSession() {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') return <SessionSplash />;
  if (state.status === 'unreachable') return <SessionUnreachable message={problemText(state.problem)} />;
  if (state.status === 'signed-out') {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const target =
      state.reason === 'signed-out' || state.reason === 'account-deleted' ? '/login' : loginPath(here);
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

export function SessionSplash() {
  return (
    <div role="status" aria-label="Loading Plume" className="flex min-h-dvh items-center justify-center">
      <PlumeMark className="size-10 animate-pulse" />
    </div>
  );
}

function SessionUnreachable({ message }: { message: string }) {
  const { session } = useServices();
  return (
    <main className="flex min-h-dvh items-center justify-center px-6">
      <div role="alert" className="max-w-md text-center">
        <PlumeMark className="mx-auto size-10" />
        <h1 className="mt-5 text-xl font-semibold tracking-tight text-slate-900">
          Plume cannot reach its API
        </h1>
        <p className="mt-3 text-sm leading-6 text-slate-600">{message}</p>
        <Button className="mt-6" onClick={() => void session.retry()}>
          Try again
        </Button>
      </div>
    </main>
  );
}
