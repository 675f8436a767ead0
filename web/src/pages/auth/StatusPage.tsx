import { useRef } from 'react';
import { Link } from 'react-router';
import { useSessionState } from '../../auth/use-session';
import { useHeadingFocus } from '../../components/use-heading-focus';
import { InstallationCard } from '../home/InstallationCard';
import { SystemStatusCard } from '../home/SystemStatusCard';
import { LINK_CLASS } from './AuthCard';

/** The installation's health, for anyone: the first thing to check when sign-in fails. */
export default function StatusPage() {
  const state = useSessionState();
  const heading = useRef<HTMLHeadingElement>(null);
  useHeadingFocus(heading);
  return (
    <div className="mx-auto w-full max-w-3xl">
      <title>System status · Plume</title>
      <div className="text-center">
        <h1 ref={heading} tabIndex={-1} className="text-2xl font-semibold tracking-tight text-slate-900">
          System status
        </h1>
        <p className="mt-2 text-sm leading-6 text-slate-600">The health of this Plume installation.</p>
      </div>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <SystemStatusCard />
        <InstallationCard />
      </div>
      <p className="mt-8 text-center text-sm text-slate-600">
        {state.status === 'signed-in' ? (
          <Link to="/" className={LINK_CLASS}>
            Back to the overview
          </Link>
        ) : (
          <Link to="/login" className={LINK_CLASS}>
            Sign in
          </Link>
        )}
      </p>
    </div>
  );
}
