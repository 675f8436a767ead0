import { Link, useNavigate } from 'react-router';
import { isApiProblem } from '../../api/problem';
import { useSession } from '../../auth/use-session';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/form/CheckboxField';
import { PasswordField, TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { problemOnField } from '../../forms/field-errors';
import { useForm } from '../../forms/use-form';
import { browserTimeZone } from '../../lib/time-zones';
import { AuthCard, LINK_CLASS } from './AuthCard';

interface SignupValues {
  firstName: string;
  lastName: string;
  email: string;
  password: string;
  organizationName: string;
  acceptTerms: boolean;
}

const toBody = (values: SignupValues) => ({ ...values, timezone: browserTimeZone() });

export const PASSWORD_HINT =
  'At least 12 characters. A few unrelated words make a strong password that is easy to remember.';

export default function SignupPage() {
  const { register } = useSession();
  const navigate = useNavigate();
  const form = useForm<SignupValues>({
    initial: {
      firstName: '',
      lastName: '',
      email: '',
      password: '',
      organizationName: '',
      acceptTerms: false,
    },
    schema: REQUEST_SCHEMAS.register,
    toBody,
    onSubmit: async (values) => {
      try {
        const body = toBody(values);
        await register({ ...body, acceptTerms: true });
      } catch (error) {
        if (isApiProblem(error) && error.code === 'conflict') {
          throw problemOnField(error, 'body.email', 'An account with this email already exists.');
        }
        throw error;
      }
      navigate('/', { replace: true });
    },
  });
  const emailError = form.errorFor('email');

  return (
    <AuthCard
      title="Create your Plume account"
      subtitle="You will be the admin of a new organization, and can invite your team next."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" className={LINK_CLASS}>
            Sign in
          </Link>
        </>
      }
    >
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="space-y-5">
        <FormProblem problem={form.problem} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField {...form.field('firstName')} label="First name" autoComplete="given-name" />
          <TextField {...form.field('lastName')} label="Last name" autoComplete="family-name" />
        </div>
        <TextField
          {...form.field('email')}
          label="Work email"
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        {emailError?.startsWith('An account with this email') ? (
          <p className="-mt-3 text-xs">
            <Link to="/login" className={LINK_CLASS}>
              Sign in instead
            </Link>
          </p>
        ) : null}
        <PasswordField
          {...form.field('password')}
          label="Password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
        />
        <TextField
          {...form.field('organizationName')}
          label="Organization name"
          autoComplete="organization"
          hint="Your company, brand or team. You can change it later."
        />
        <CheckboxField
          {...form.checkbox('acceptTerms')}
          label="I accept the terms of use and the privacy policy."
        />
        <Button type="submit" className="w-full" busy={form.submitting} busyLabel="Creating your account…">
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
