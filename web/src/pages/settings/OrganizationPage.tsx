import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Organization } from '../../api/types';
import { useSession, useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { QueryState } from '../../components/QueryState';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { problemOnField } from '../../forms/field-errors';
import { useForm } from '../../forms/use-form';
import { formatDate } from '../../lib/dates';
import { ApprovalsCard } from './ApprovalsCard';
import { SettingsSection } from './SettingsSection';

export const ORGANIZATION_QUERY_KEY = ['organization'] as const;

interface OrganizationValues {
  name: string;
  slug: string;
  dataRetentionDays: string;
}

const valuesOf = (organization: Organization): OrganizationValues => ({
  name: organization.name,
  slug: organization.slug,
  dataRetentionDays: String(organization.dataRetentionDays),
});

const toBody = (values: OrganizationValues) => ({
  name: values.name,
  slug: values.slug,
  // An empty box is "missing", not zero: the schema then says what it needs.
  dataRetentionDays: values.dataRetentionDays.trim() === '' ? undefined : Number(values.dataRetentionDays),
});

export default function OrganizationPage() {
  const { api } = useServices();
  const organization = useQuery({
    queryKey: ORGANIZATION_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations', { signal })),
  });
  return (
    <div className="space-y-8">
      <title>Organization · Settings · Plume</title>
      <QueryState query={organization} label="the organization">
        {organization.data ? <OrganizationSettings organization={organization.data} /> : null}
      </QueryState>
    </div>
  );
}

function OrganizationSettings({ organization }: { organization: Organization }) {
  const { api } = useServices();
  const { can, user } = useSignedInUser();
  const { reloadUser } = useSession();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const admin = can('admin');
  const form = useForm<OrganizationValues>({
    initial: valuesOf(organization),
    schema: REQUEST_SCHEMAS.updateOrganization,
    toBody,
    onSubmit: async (values) => {
      setSaved(false);
      const body = toBody(values);
      let next: Organization;
      try {
        next = await unwrap(api.PUT('/organizations', { body }));
      } catch (error) {
        if (isApiProblem(error) && error.code === 'conflict') {
          throw problemOnField(error, 'body.slug', 'Another organization already uses this slug.');
        }
        throw error;
      }
      queryClient.setQueryData(ORGANIZATION_QUERY_KEY, next);
      form.reset(valuesOf(next));
      setSaved(true);
      // The name shows in the top bar and the organization switcher.
      await reloadUser().catch(() => null);
    },
  });
  const changed = JSON.stringify(form.values) !== JSON.stringify(valuesOf(organization));

  return (
    <>
      <SettingsSection
        title="Organization"
        description={
          admin
            ? 'Its name, its slug, and how long Plume keeps its data.'
            : 'Only admins can change these settings.'
        }
      >
        <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-5">
          <FormProblem problem={form.problem} />
          <TextField {...form.field('name')} label="Name" autoComplete="organization" readOnly={!admin} />
          <TextField
            {...form.field('slug')}
            label="Slug"
            hint="Lower-case letters, digits and single hyphens; used in links and exports."
            autoComplete="off"
            spellCheck={false}
            readOnly={!admin}
          />
          <TextField
            {...form.field('dataRetentionDays')}
            label="Data retention (days)"
            type="number"
            inputMode="numeric"
            min={30}
            max={3650}
            hint="How long this organization’s data is kept before it is deleted: 30 to 3650 days."
            readOnly={!admin}
          />
          {admin ? (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" busy={form.submitting} busyLabel="Saving…" disabled={!changed}>
                Save changes
              </Button>
              <p role="status" className="text-sm text-emerald-700">
                {saved && !changed ? 'Saved.' : ''}
              </p>
            </div>
          ) : null}
        </form>
      </SettingsSection>
      <ApprovalsCard
        organization={organization}
        admin={admin}
        onSaved={(next) => queryClient.setQueryData(ORGANIZATION_QUERY_KEY, next)}
      />
      <SettingsSection title="Plan" description="Plans and limits arrive with the Billing milestone.">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <Detail label="Plan">
            <span className="capitalize">{organization.subscriptionPlan}</span>{' '}
            <Badge tone={organization.subscriptionStatus === 'active' ? 'success' : 'warning'}>
              {organization.subscriptionStatus}
            </Badge>
          </Detail>
          <Detail label="Created">{formatDate(organization.createdAt, user.timezone)}</Detail>
          <Detail label="Members">up to {organization.maxUsers}</Detail>
          <Detail label="Social accounts">up to {organization.maxSocialAccounts}</Detail>
        </dl>
      </SettingsSection>
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-900">{children}</dd>
    </div>
  );
}
