import { useMutation } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useSignedInUser } from '../../auth/use-session';
import { Button } from '../../components/Button';
import { problemText, useCountdown } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { useServices } from '../services';

/** Until the address is verified: a reminder on every page, with a way to get the mail again. */
export function VerifyEmailBanner() {
  const { user } = useSignedInUser();
  const { api } = useServices();
  const resend = useMutation({ mutationFn: () => unwrap(api.POST('/auth/resend-verification')) });
  const problem = isApiProblem(resend.error) ? resend.error : null;
  const remaining = useCountdown(problem?.retryAfterSeconds, problem);

  if (user.emailVerified) return null;

  const answer = resend.isSuccess
    ? `Sent. Check your inbox at ${user.email}.`
    : problem?.code === 'rate_limited'
      ? remaining > 0
        ? `Too many requests. Try again in ${remaining} s.`
        : 'You can ask again now.'
      : problem
        ? problemText(problem)
        : resend.isError
          ? 'Could not send the email. Try again.'
          : null;

  return (
    <section aria-label="Verify your email" className="border-b border-amber-200 bg-amber-50">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-3 px-4 py-3 text-sm text-amber-900 sm:flex-row sm:items-center sm:px-6 lg:px-8">
        <Icon name="mail" className="hidden size-5 shrink-0 sm:block" />
        <div className="min-w-0 flex-1">
          <p className="font-medium">Verify your email</p>
          <p className="text-amber-800">
            We sent a link to <span className="font-medium break-all">{user.email}</span>. Until you open it,
            you cannot invite members.
          </p>
          <p role="status" className="mt-0.5 text-amber-800 empty:hidden">
            {answer}
          </p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          className="self-start sm:self-auto"
          busy={resend.isPending}
          busyLabel="Sending…"
          disabled={resend.isSuccess || remaining > 0}
          onClick={() => resend.mutate()}
        >
          Resend email
        </Button>
      </div>
    </section>
  );
}
