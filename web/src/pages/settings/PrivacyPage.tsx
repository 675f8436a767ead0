import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { DataExport } from '../../api/types';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Button, Spinner } from '../../components/Button';
import { PasswordField, TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { problemOnField } from '../../forms/field-errors';
import { useForm } from '../../forms/use-form';
import { formatDateTime } from '../../lib/dates';
import { SettingsSection } from './SettingsSection';

/** The confirmation the API requires, word for word. */
export const DELETE_PHRASE = 'DELETE MY ACCOUNT';
const EXPORT_POLL_MS = 2_000;

export default function PrivacyPage() {
  return (
    <div className="space-y-8">
      <title>Privacy · Settings · Plume</title>
      <DataExportSection />
      <DeleteAccountSection />
    </div>
  );
}

/** The export being prepared survives a reload of this tab (not of another user's). */
const exportKey = (userId: string) => `plume.data-export.${userId}`;

function DataExportSection() {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const [exportId, setExportId] = useState<string | null>(() => sessionStorage.getItem(exportKey(user.id)));

  const request = useMutation({
    mutationFn: () => unwrap(api.POST('/users/export-data')),
    onSuccess: (created) => {
      sessionStorage.setItem(exportKey(user.id), created.id);
      setExportId(created.id);
    },
  });
  const status = useQuery({
    queryKey: ['data-export', exportId],
    enabled: exportId !== null,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/users/export-data/{id}', { params: { path: { id: exportId ?? '' } }, signal })),
    // Until it is ready the export is polled; then it stays as it is.
    refetchInterval: (query) => (isInProgress(query.state.data) ? EXPORT_POLL_MS : false),
    staleTime: 0,
  });
  const current = status.data;
  const inProgress = request.isPending || (exportId !== null && (status.isPending || isInProgress(current)));

  return (
    <SettingsSection
      title="Download my data"
      description="A copy of the personal data Plume keeps about you, prepared in the background as a file to download."
    >
      <FormProblem problem={isApiProblem(request.error) ? request.error : null} className="mb-4" />
      <div className="space-y-4">
        {current?.status === 'completed' && current.downloadUrl ? (
          <Notice tone="success" title="Your data is ready">
            <a
              href={current.downloadUrl}
              download
              className="mt-1 inline-flex items-center gap-1.5 font-medium text-emerald-900 underline underline-offset-2"
            >
              <Icon name="download" className="size-4" />
              Download your data
            </a>
            {current.expiresAt ? (
              <span className="block text-xs">
                The link works until {formatDateTime(current.expiresAt, user.timezone)}.
              </span>
            ) : null}
          </Notice>
        ) : current?.status === 'failed' ? (
          <Notice tone="danger" role="alert" title="The export failed">
            Request a new one; if it fails again, contact your administrator.
          </Notice>
        ) : inProgress ? (
          <p role="status" className="flex items-center gap-2.5 text-sm text-slate-600">
            <Spinner />
            Preparing your data… This page updates by itself; you can leave and come back.
          </p>
        ) : null}
        {!inProgress ? (
          <Button
            variant={current?.status === 'completed' ? 'secondary' : 'primary'}
            onClick={() => request.mutate()}
          >
            {current ? 'Request a new export' : 'Request my data'}
          </Button>
        ) : null}
      </div>
    </SettingsSection>
  );
}

const isInProgress = (value: DataExport | undefined): boolean =>
  value?.status === 'pending' || value?.status === 'processing';

interface DeleteValues {
  password: string;
  confirm: string;
}

function DeleteAccountSection() {
  const { api, session } = useServices();
  const form = useForm<DeleteValues>({
    initial: { password: '', confirm: '' },
    schema: REQUEST_SCHEMAS.deleteAccount,
    onSubmit: async (values) => {
      try {
        await unwrap(
          api.DELETE('/users/profile', { body: { password: values.password, confirm: DELETE_PHRASE } }),
        );
      } catch (error) {
        if (
          isApiProblem(error) &&
          (error.status === 401 || error.status === 403) &&
          error.errors.length === 0
        ) {
          throw problemOnField(error, 'body.password', 'This password is not correct.');
        }
        throw error;
      }
      // The server has ended every session; the sign-in page says what happened.
      session.endLocally('account-deleted');
    },
  });

  return (
    <SettingsSection
      title="Delete my account"
      tone="danger"
      description="Your account and personal data are erased and every session is signed out. This cannot be undone."
    >
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-5">
        <FormProblem problem={form.problem} />
        <PasswordField {...form.field('password')} label="Your password" autoComplete="current-password" />
        <TextField
          {...form.field('confirm')}
          label={
            <>
              Type <span className="font-mono font-semibold text-rose-700">{DELETE_PHRASE}</span> to confirm
            </>
          }
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
        />
        <Button
          type="submit"
          variant="danger"
          busy={form.submitting}
          busyLabel="Deleting…"
          disabled={form.values.confirm !== DELETE_PHRASE || form.values.password === ''}
        >
          Delete my account
        </Button>
      </form>
    </SettingsSection>
  );
}
