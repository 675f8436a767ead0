import { Link, useLocation, useSearchParams } from 'react-router';
import { useSession } from '../../auth/use-session';
import { Button } from '../../components/Button';
import { PasswordField, TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { useForm } from '../../forms/use-form';
import { AuthCard, LINK_CLASS } from './AuthCard';

/** Messages other pages leave for this one (`navigate('/login', { state: { notice } })`). */
export type LoginNotice = 'password-reset';

const SIGNED_OUT_MESSAGES = {
  expired: 'Your session has ended. Sign in again to carry on where you were.',
  'signed-out': 'You have signed out.',
  'account-deleted': 'Your account has been deleted. Thank you for using Plume.',
} as const;

export default function LoginPage() {
  const { signIn, state } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const notice = (location.state as { notice?: LoginNotice } | null)?.notice;
  // Once signed in, the layout sends the visitor on to `?next=`.
  const form = useForm({
    initial: { email: '', password: '' },
    schema: REQUEST_SCHEMAS.login,
    onSubmit: async (values) => {
      await signIn(values);
    },
  });
  const reason = state.status === 'signed-out' ? state.reason : undefined;
  const next = params.get('next');

  return (
    <AuthCard
      title="Sign in to Plume"
      subtitle={next ? 'Sign in to open that page.' : 'Plan, publish and measure your social media.'}
      footer={
        <>
          New to Plume?{' '}
          <Link to="/signup" className={LINK_CLASS}>
            Create an account
          </Link>
        </>
      }
    >
      {notice === 'password-reset' ? (
        <Notice tone="success" className="mb-6">
          Your password has been changed. Sign in with the new one.
        </Notice>
      ) : reason ? (
        <Notice tone={reason === 'expired' ? 'warning' : 'info'} className="mb-6">
          {SIGNED_OUT_MESSAGES[reason]}
        </Notice>
      ) : null}
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="space-y-5">
        <FormProblem problem={form.problem} />
        <TextField
          {...form.field('email')}
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <PasswordField
          {...form.field('password')}
          label="Password"
          autoComplete="current-password"
          labelAside={
            <Link to="/forgot-password" className={`text-xs ${LINK_CLASS}`}>
              Forgot password?
            </Link>
          }
        />
        <Button type="submit" className="w-full" busy={form.submitting} busyLabel="Signing in…">
          Sign in
        </Button>
      </form>
    </AuthCard>
  );
}
