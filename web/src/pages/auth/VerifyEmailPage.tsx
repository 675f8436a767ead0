import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '../../api/client';
import type { ApiClient } from '../../api/client';
import { isApiProblem, networkProblem, type ApiProblem } from '../../api/problem';
import { useSession } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Spinner } from '../../components/Button';
import { problemText } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { AuthCard, LINK_CLASS } from './AuthCard';

/**
 * A verification token works once. React runs effects twice in development and a user may
 * reload the page: one request per token per page load, whatever happens.
 */
const verifications = new Map<string, Promise<void>>();
function verifyOnce(api: ApiClient, token: string): Promise<void> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = unwrap(api.POST('/auth/verify-email', { body: { token } })).then(() => undefined);
    verifications.set(token, pending);
  }
  return pending;
}

type Outcome = { status: 'verifying' } | { status: 'verified' } | { status: 'failed'; problem: ApiProblem };

export default function VerifyEmailPage() {
  const { api, session } = useServices();
  const { state, user } = useSession();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<Outcome>({ status: 'verifying' });
  const sessionKnown = state.status !== 'loading';

  useEffect(() => {
    // Wait for the session: once verified, a signed-in user's profile is read again so the
    // "verify your email" banner goes away at once.
    if (!sessionKnown || token.length < 16) return;
    let current = true;
    verifyOnce(api, token)
      .then(async () => {
        await session.reloadUser().catch(() => null);
        if (current) setOutcome({ status: 'verified' });
      })
      .catch((error: unknown) => {
        if (current)
          setOutcome({ status: 'failed', problem: isApiProblem(error) ? error : networkProblem(error) });
      });
    return () => {
      current = false;
    };
  }, [api, session, token, sessionKnown]);

  const continueLink = user ? (
    <Link to="/" className={LINK_CLASS}>
      Continue to Plume
    </Link>
  ) : (
    <Link to="/login" className={LINK_CLASS}>
      Sign in
    </Link>
  );

  if (token.length < 16) {
    return (
      <AuthCard title="Verify your email" footer={continueLink}>
        <Notice tone="danger" role="alert" title="This verification link is incomplete">
          Open the link from the email again, or copy the whole address into the browser.
        </Notice>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Verify your email" footer={outcome.status === 'verifying' ? undefined : continueLink}>
      {outcome.status === 'verifying' ? (
        <p role="status" className="flex items-center justify-center gap-2.5 text-sm text-slate-600">
          <Spinner />
          Confirming your email address…
        </p>
      ) : outcome.status === 'verified' ? (
        <Notice tone="success" title="Your email address is verified">
          {user ? 'Thank you. You can now invite your team.' : 'Thank you. Sign in to carry on.'}
        </Notice>
      ) : (
        <Notice tone="danger" role="alert" title="This link did not work">
          {outcome.problem.status === 400 || outcome.problem.status === 404 || outcome.problem.status === 410
            ? 'It may have been used already or have expired. Sign in and ask for a new one from the banner at the top of the page.'
            : problemText(outcome.problem)}
        </Notice>
      )}
    </AuthCard>
  );
}
