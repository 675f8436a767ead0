import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { ApiKey, ApiKeyScope, CreatedApiKey, Role } from '../../api/types';
import { ROLE_LABELS, rolesUpTo } from '../../auth/roles';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FieldError } from '../../components/form/FieldText';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';
import { QueryState } from '../../components/QueryState';
import { API_KEY_SCOPES, REQUEST_SCHEMAS } from '../../forms/contracts';
import { useForm } from '../../forms/use-form';
import { formatDate, formatRelative } from '../../lib/dates';
import { CopyField } from './CopyField';
import { SettingsSection } from './SettingsSection';

export const API_KEYS_QUERY_KEY = ['api-keys'] as const;

const SCOPE_LABELS: Record<ApiKeyScope, { label: string; hint: string }> = {
  read: { label: 'Read', hint: 'List and fetch posts, accounts, analytics' },
  write: { label: 'Write', hint: 'Create, schedule and change things' },
};

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In one year' },
];

interface KeyValues {
  name: string;
  role: Role;
  scopes: ApiKeyScope[];
  expiresAt: string;
}

function expiryDate(choice: string, now: number = Date.now()): string | undefined {
  const days = Number(choice);
  return Number.isFinite(days) && days > 0 ? new Date(now + days * 86_400_000).toISOString() : undefined;
}

const toBody = (values: KeyValues) => ({
  name: values.name,
  role: values.role,
  scopes: values.scopes,
  ...(expiryDate(values.expiresAt) ? { expiresAt: expiryDate(values.expiresAt) } : {}),
});

export default function ApiKeysPage() {
  const { can } = useSignedInUser();
  if (!can('admin')) {
    return (
      <SettingsSection title="API keys">
        <title>API keys · Settings · Plume</title>
        <Notice title="Only admins manage API keys">
          Ask an admin of your organization for a key if you need to use the HTTP API.
        </Notice>
      </SettingsSection>
    );
  }
  return <ApiKeysAdmin />;
}

function ApiKeysAdmin() {
  const { api, config } = useServices();
  const { role } = useSignedInUser();
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: API_KEYS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api-keys', { signal })),
  });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const form = useForm<KeyValues>({
    initial: { name: '', role: 'viewer', scopes: ['read'], expiresAt: 'never' },
    schema: REQUEST_SCHEMAS.createApiKey,
    toBody,
    onSubmit: async (values) => {
      const key = await unwrap(api.POST('/api-keys', { body: toBody(values) }));
      setCreated(key);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: API_KEYS_QUERY_KEY });
    },
  });

  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => setRevoking(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: API_KEYS_QUERY_KEY }),
  });

  const toggleScope = (scope: ApiKeyScope, on: boolean) =>
    form.setValue(
      'scopes',
      API_KEY_SCOPES.filter((candidate) =>
        candidate === scope ? on : form.values.scopes.includes(candidate),
      ),
    );
  const scopesError = form.errorFor('scopes');
  const scopesId = `${form.field('scopes').id}`;

  return (
    <div className="space-y-8">
      <title>API keys · Settings · Plume</title>
      <SettingsSection
        title="Create an API key"
        description={
          <>
            Keys call the{' '}
            <a
              href={`${config.apiUrl}/docs`}
              className="font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              HTTP API
            </a>{' '}
            on behalf of this organization, with the role and scopes you give them.
          </>
        }
      >
        {created ? (
          <Notice tone="success" title={`Key “${created.name}” created`} className="mb-6">
            <p>
              Copy it now: Plume stores only a hash and cannot show it again. Send it in the{' '}
              <code className="font-mono text-[13px]">x-api-key</code> header.
            </p>
            <CopyField value={created.key} label="New API key" className="mt-3" />
            <Button variant="secondary" size="sm" className="mt-3" onClick={() => setCreated(null)}>
              I have copied it
            </Button>
          </Notice>
        ) : null}
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-5">
          <FormProblem problem={form.problem} />
          <TextField
            {...form.field('name')}
            label="Name"
            hint="What uses it, e.g. “Zapier” or “Reporting script”."
            autoComplete="off"
          />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField
              {...form.field('role')}
              label="Role"
              options={rolesUpTo(role).map((value) => ({ value, label: ROLE_LABELS[value] }))}
              hint="At most your own role."
            />
            <SelectField {...form.field('expiresAt')} label="Expires" options={EXPIRY_OPTIONS} />
          </div>
          <fieldset aria-describedby={scopesError ? `${scopesId}-error` : undefined}>
            <legend className="text-sm font-medium text-slate-800">Scopes</legend>
            <div className="mt-2 space-y-2">
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex gap-3 text-sm">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    checked={form.values.scopes.includes(scope)}
                    onChange={(event) => toggleScope(scope, event.target.checked)}
                    aria-invalid={scopesError ? true : undefined}
                    className="mt-0.5 size-4 shrink-0 accent-brand-600"
                  />
                  <span>
                    <span className="font-medium text-slate-800">{SCOPE_LABELS[scope].label}</span>
                    <span className="block text-xs text-slate-500">{SCOPE_LABELS[scope].hint}</span>
                  </span>
                </label>
              ))}
            </div>
            <FieldError id={scopesId} error={scopesError} />
          </fieldset>
          <Button type="submit" busy={form.submitting} busyLabel="Creating…">
            Create key
          </Button>
        </form>
      </SettingsSection>

      <SettingsSection
        title="Keys"
        description="Revoking a key stops it at once; whatever uses it gets 401 from then on."
      >
        <FormProblem problem={isApiProblem(revoke.error) ? revoke.error : null} className="mb-4" />
        <QueryState query={keys} label="API keys">
          {keys.data?.apiKeys.length ? (
            <ul className="divide-y divide-slate-100" aria-label="API keys">
              {keys.data.apiKeys.map((key) => (
                <li
                  key={key.id}
                  className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
                >
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{key.name}</span>
                      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                        {key.prefix}…
                      </code>
                      <Badge tone="brand">{ROLE_LABELS[key.role]}</Badge>
                      {key.scopes.map((scope) => (
                        <Badge key={scope}>{SCOPE_LABELS[scope].label}</Badge>
                      ))}
                    </p>
                    <p className="mt-1 text-slate-500">
                      Created {formatDate(key.createdAt)} ·{' '}
                      {key.lastUsedAt ? `last used ${formatRelative(key.lastUsedAt)}` : 'never used'}
                      {key.expiresAt ? ` · expires ${formatDate(key.expiresAt)}` : ''}
                    </p>
                  </div>
                  <Button
                    variant="dangerGhost"
                    size="sm"
                    className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
                    onClick={() => setRevoking(key)}
                    aria-label={`Revoke ${key.name}`}
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No API keys yet.</p>
          )}
        </QueryState>
      </SettingsSection>

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke key"
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      >
        Anything using this key stops working at once. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
