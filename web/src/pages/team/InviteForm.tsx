import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Role } from '../../api/types';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLE_ORDER } from '../../auth/roles';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { REQUEST_SCHEMAS } from '../../forms/contracts';
import { problemOnField } from '../../forms/field-errors';
import { useForm } from '../../forms/use-form';
import { SettingsSection } from '../settings/SettingsSection';
import { MEMBERS_QUERY_KEY } from './query-keys';

export const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function InviteForm() {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<{ email: string; role: Role }>({
    initial: { email: '', role: 'user' },
    schema: REQUEST_SCHEMAS.inviteMember,
    onSubmit: async (values) => {
      setSentTo(null);
      try {
        const invitation = await unwrap(api.POST('/organizations/members/invite', { body: values }));
        setSentTo(invitation.email);
      } catch (error) {
        if (isApiProblem(error) && error.code === 'conflict') throw problemOnField(error, 'body.email');
        throw error;
      }
      form.reset({ email: '', role: values.role });
      await queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY });
    },
  });

  return (
    <SettingsSection
      title="Invite a member"
      description="They get an email with a link to join; it expires after a week."
    >
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="space-y-4">
        <FormProblem problem={form.problem} />
        <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start">
          <TextField
            {...form.field('email')}
            label="Email"
            type="email"
            autoComplete="off"
            inputMode="email"
          />
          <SelectField
            {...form.field('role')}
            label="Role"
            options={ROLE_OPTIONS}
            hint={ROLE_DESCRIPTIONS[form.values.role]}
          />
          <Button type="submit" className="md:mt-7" busy={form.submitting} busyLabel="Sending…">
            Send invitation
          </Button>
        </div>
        <p role="status" className="text-sm text-emerald-700 empty:hidden">
          {sentTo ? `Invitation sent to ${sentTo}.` : ''}
        </p>
      </form>
    </SettingsSection>
  );
}
