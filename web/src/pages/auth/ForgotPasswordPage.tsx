import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { useForm } from '../../forms/use-form';
import { AuthCard, LINK_CLASS } from './AuthCard';

export default function ForgotPasswordPage() {
  const { api } = useServices();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initial: { email: '' },
    schema: REQUEST_SCHEMAS.forgotPassword,
    onSubmit: async ({ email }) => {
      await unwrap(api.POST('/auth/forgot-password', { body: { email } }));
      setSentTo(email.trim());
    },
  });

  return (
    <AuthCard
      title="Reset your password"
      subtitle="We will email you a link to choose a new password."
      footer={
        <Link to="/login" className={LINK_CLASS}>
          Back to sign in
        </Link>
      }
    >
      {sentTo ? (
        // The same answer whether or not the address has an account: no one can probe for users.
        <Notice tone="success" title="Check your inbox">
          If an account exists for <strong className="font-semibold break-all">{sentTo}</strong>, it will
          receive a link to reset the password within a few minutes. The link works once and expires after 30
          minutes.
        </Notice>
      ) : null}
      <form
        ref={form.formRef}
        onSubmit={form.onSubmit}
        noValidate
        className={`space-y-5 ${sentTo ? 'mt-6' : ''}`}
      >
        <FormProblem problem={form.problem} />
        <TextField
          {...form.field('email')}
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <Button
          type="submit"
          className="w-full"
          busy={form.submitting}
          busyLabel="Sending…"
          variant={sentTo ? 'secondary' : 'primary'}
        >
          {sentTo ? 'Send the link again' : 'Email me a reset link'}
        </Button>
      </form>
    </AuthCard>
  );
}
