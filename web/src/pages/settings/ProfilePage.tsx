import { useMemo, useState } from 'react';
import { unwrap } from '../../api/client';
import type { Me } from '../../api/types';
import { useSession, useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { useForm } from '../../forms/use-form';
import { languageOptions } from '../../lib/languages';
import { browserTimeZone, listTimeZones, timeZoneLabel } from '../../lib/time-zones';
import { SettingsSection } from './SettingsSection';

interface ProfileValues {
  firstName: string;
  lastName: string;
  timezone: string;
  language: string;
}

const valuesOf = (user: Me): ProfileValues => ({
  firstName: user.firstName ?? '',
  lastName: user.lastName ?? '',
  timezone: user.timezone,
  language: user.language,
});

export default function ProfilePage() {
  const { user } = useSignedInUser();
  const { updateUser } = useSession();
  const { api } = useServices();
  const [saved, setSaved] = useState(false);
  const form = useForm<ProfileValues>({
    initial: valuesOf(user),
    schema: REQUEST_SCHEMAS.updateProfile,
    onSubmit: async (values) => {
      setSaved(false);
      const next = await unwrap(
        api.PUT('/users/profile', {
          body: {
            firstName: values.firstName.trim(),
            lastName: values.lastName.trim(),
            timezone: values.timezone,
            language: values.language,
          },
        }),
      );
      updateUser(next);
      form.reset(valuesOf(next));
      setSaved(true);
    },
  });
  const zones = useMemo(() => listTimeZones(form.values.timezone), [form.values.timezone]);
  const zoneOptions = useMemo(
    () => zones.map((zone) => ({ value: zone, label: timeZoneLabel(zone) })),
    [zones],
  );
  const deviceZone = browserTimeZone();
  const changed = JSON.stringify(form.values) !== JSON.stringify(valuesOf(user));

  return (
    <SettingsSection
      title="Profile"
      description="How you appear to your team, and the time zone your schedule is shown in."
    >
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="max-w-xl space-y-5">
        <title>Profile · Settings · Plume</title>
        <FormProblem problem={form.problem} />
        <div>
          <p className="text-sm font-medium text-slate-800">Email</p>
          <p className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span className="break-all">{user.email}</span>
            {user.emailVerified ? (
              <Badge tone="success">Verified</Badge>
            ) : (
              <Badge tone="warning">Not verified</Badge>
            )}
          </p>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField {...form.field('firstName')} label="First name" autoComplete="given-name" />
          <TextField {...form.field('lastName')} label="Last name" autoComplete="family-name" />
        </div>
        <div>
          <SelectField
            {...form.field('timezone')}
            label="Time zone"
            options={zoneOptions}
            hint="Scheduled posts and reports use this zone."
          />
          {deviceZone !== form.values.timezone ? (
            <button
              type="button"
              onClick={() => form.setValue('timezone', deviceZone)}
              className="mt-1.5 text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              Use this device’s time zone ({deviceZone.replace(/_/g, ' ')})
            </button>
          ) : null}
        </div>
        <SelectField
          {...form.field('language')}
          label="Language"
          options={languageOptions(form.values.language)}
          hint="The language AI agents write in by default."
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" busy={form.submitting} busyLabel="Saving…" disabled={!changed}>
            Save profile
          </Button>
          <p role="status" className="text-sm text-emerald-700">
            {saved && !changed ? 'Saved.' : ''}
          </p>
        </div>
      </form>
    </SettingsSection>
  );
}
