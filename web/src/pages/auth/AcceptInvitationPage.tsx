import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { unwrap } from '../../api/client';
import { PUBLIC_QUERY } from '../../api/query-client';
import { isApiProblem } from '../../api/problem';
import type { InvitationPreview } from '../../api/types';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../auth/roles';
import { useSession } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Button, Spinner } from '../../components/Button';
import { CheckboxField } from '../../components/form/CheckboxField';
import { PasswordField, TextField } from '../../components/form/TextField';
import { FormProblem, problemText } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { newPassword, REQUEST_SCHEMAS } from '../../forms/contracts';
import { problemOnField, valueError, type FieldErrors } from '../../forms/field-errors';
import { useForm } from '../../forms/use-form';
import { formatDate } from '../../lib/dates';
import { AuthCard, LINK_CLASS } from './AuthCard';
import { PASSWORD_HINT } from './SignupPage';

export default function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { api } = useServices();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => unwrap(api.GET('/invitations/{token}', { params: { path: { token } }, signal })),
    retry: (count, error) => !(isApiProblem(error) && error.isClientError) && count < 2,
    staleTime: Infinity,
    // Accepting signs in, which refetches what depends on the user: not this, it is used up.
    meta: PUBLIC_QUERY,
  });

  if (invitation.isPending) {
    return (
      <AuthCard title="Join your team">
        <p role="status" className="flex items-center justify-center gap-2.5 text-sm text-slate-600">
          <Spinner />
          Opening the invitation…
        </p>
      </AuthCard>
    );
  }
  if (invitation.isError) {
    const gone = isApiProblem(invitation.error) && invitation.error.isClientError;
    return (
      <AuthCard
        title="Join your team"
        footer={
          <Link to="/login" className={LINK_CLASS}>
            Go to sign in
          </Link>
        }
      >
        <Notice
          tone="danger"
          role="alert"
          title={gone ? 'This invitation is no longer valid' : 'The invitation could not be opened'}
        >
          {gone
            ? 'It may have expired, been revoked or been accepted already. Ask whoever invited you to send a new one.'
            : isApiProblem(invitation.error)
              ? problemText(invitation.error)
              : 'Try again in a moment.'}
        </Notice>
      </AuthCard>
    );
  }
  return <AcceptForm token={token} preview={invitation.data} />;
}

interface AcceptValues {
  firstName: string;
  lastName: string;
  password: string;
  acceptTerms: boolean;
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const { acceptInvitation, user } = useSession();
  // A wrong password for an existing account belongs next to the password.
  const accept = async (body: Parameters<typeof acceptInvitation>[0]) => {
    try {
      await acceptInvitation(body);
    } catch (error) {
      if (isApiProblem(error) && error.status === 401) throw problemOnField(error, 'body.password');
      throw error;
    }
  };
  const navigate = useNavigate();
  const newAccount = !preview.accountExists;
  const form = useForm<AcceptValues>({
    initial: { firstName: '', lastName: '', password: '', acceptTerms: false },
    schema: REQUEST_SCHEMAS.acceptInvitation,
    toBody: (values) =>
      newAccount
        ? { token, ...values, acceptTerms: values.acceptTerms || undefined }
        : { token, password: values.password },
    // The shared schema allows both cases; a new account needs more than it can say.
    validate: (values): FieldErrors =>
      newAccount
        ? {
            firstName: values.firstName.trim() ? undefined : 'Required',
            lastName: values.lastName.trim() ? undefined : 'Required',
            password: valueError(newPassword, values.password),
            acceptTerms: values.acceptTerms ? undefined : 'Accept the terms and privacy policy to continue',
          }
        : {},
    onSubmit: async (values) => {
      await accept(
        newAccount
          ? {
              token,
              password: values.password,
              firstName: values.firstName.trim(),
              lastName: values.lastName.trim(),
              acceptTerms: true,
            }
          : { token, password: values.password },
      );
      navigate('/', { replace: true });
    },
  });

  return (
    <AuthCard
      title={`Join ${preview.organizationName}`}
      subtitle={
        <>
          {preview.invitedBy ? `${preview.invitedBy} invited you` : 'You are invited'} to join as{' '}
          <strong className="font-semibold text-slate-800">{ROLE_LABELS[preview.role].toLowerCase()}</strong>:{' '}
          {ROLE_DESCRIPTIONS[preview.role].toLowerCase()}.
        </>
      }
      footer={
        <span className="text-xs text-slate-500">
          This invitation expires on {formatDate(preview.expiresAt)}.
        </span>
      }
    >
      {user && user.email !== preview.email ? (
        <Notice tone="warning" className="mb-6">
          You are signed in as {user.email}. Accepting signs you in as {preview.email} instead.
        </Notice>
      ) : null}
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="space-y-5">
        <FormProblem problem={form.problem} />
        <div>
          <p className="text-sm font-medium text-slate-800">Email</p>
          <p className="mt-1.5 rounded-lg bg-slate-50 px-3 py-2 text-sm break-all text-slate-700 ring-1 ring-slate-200 ring-inset">
            {preview.email}
          </p>
        </div>
        {newAccount ? (
          <>
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField {...form.field('firstName')} label="First name" autoComplete="given-name" />
              <TextField {...form.field('lastName')} label="Last name" autoComplete="family-name" />
            </div>
            <PasswordField
              {...form.field('password')}
              label="Choose a password"
              autoComplete="new-password"
              hint={PASSWORD_HINT}
            />
            <CheckboxField
              {...form.checkbox('acceptTerms')}
              label="I accept the terms of use and the privacy policy."
            />
          </>
        ) : (
          <PasswordField
            {...form.field('password')}
            label="Your Plume password"
            autoComplete="current-password"
            hint="You already have a Plume account: sign in to accept."
            labelAside={
              <Link to="/forgot-password" className={`text-xs ${LINK_CLASS}`}>
                Forgot password?
              </Link>
            }
          />
        )}
        <Button type="submit" className="w-full" busy={form.submitting} busyLabel="Joining…">
          {newAccount ? 'Create account and join' : 'Sign in and join'}
        </Button>
      </form>
    </AuthCard>
  );
}
