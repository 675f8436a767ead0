import { Link, useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { PasswordField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { useForm } from '../../forms/use-form';
import { AuthCard, LINK_CLASS } from './AuthCard';
import type { LoginNotice } from './LoginPage';
import { PASSWORD_HINT } from './SignupPage';

interface ResetValues {
  password: string;
  confirmPassword: string;
}

export default function ResetPasswordPage() {
  const { api } = useServices();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm<ResetValues>({
    initial: { password: '', confirmPassword: '' },
    schema: REQUEST_SCHEMAS.resetPassword,
    toBody: (values) => ({ token, password: values.password }),
    validate: (values) => ({
      confirmPassword:
        values.confirmPassword && values.confirmPassword !== values.password
          ? 'The two passwords differ'
          : undefined,
    }),
    onSubmit: async ({ password }) => {
      await unwrap(api.POST('/auth/reset-password', { body: { token, password } }));
      navigate('/login', { replace: true, state: { notice: 'password-reset' satisfies LoginNotice } });
    },
  });
  const tokenRejected =
    isApiProblem(form.problem) && form.problem.errors.some((error) => error.field === 'body.token');

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link to="/login" className={LINK_CLASS}>
          Back to sign in
        </Link>
      }
    >
      {token.length < 16 || tokenRejected ? (
        <Notice tone="danger" role="alert" title="This reset link is not valid">
          It may be incomplete, used already or expired.{' '}
          <Link to="/forgot-password" className={LINK_CLASS}>
            Ask for a new link
          </Link>
          .
        </Notice>
      ) : (
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="space-y-5">
          <FormProblem problem={form.problem} />
          <PasswordField
            {...form.field('password')}
            label="New password"
            autoComplete="new-password"
            hint={PASSWORD_HINT}
          />
          <PasswordField
            {...form.field('confirmPassword')}
            label="Repeat the new password"
            autoComplete="new-password"
          />
          <Button type="submit" className="w-full" busy={form.submitting} busyLabel="Saving…">
            Set new password
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
