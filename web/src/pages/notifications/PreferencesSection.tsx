import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { useSignedInUser } from '../../auth/use-session';
import { FormProblem } from '../../components/FormProblem';
import { QueryState } from '../../components/QueryState';
import { SettingsSection } from '../settings/SettingsSection';
import { preferenceBody, savedMessage, type PreferenceChange } from './preference-channels';
import { PreferenceRow } from './PreferenceRow';
import { NOTIFICATION_SETTINGS_KEY } from './query-keys';

/** Which events reach the in-app list and the inbox; each switch saves on its own, at once. */
export function PreferencesSection() {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState('');
  const settings = useQuery({
    queryKey: NOTIFICATION_SETTINGS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/notifications/settings', { signal })),
  });
  const save = useMutation({
    mutationFn: (change: PreferenceChange) =>
      unwrap(api.PUT('/notifications/settings', { body: preferenceBody(change) })),
    onMutate: () => setSaved(''),
    onSuccess: (answer, change) => {
      queryClient.setQueryData(NOTIFICATION_SETTINGS_KEY, answer);
      setSaved(savedMessage(change));
    },
  });

  return (
    <SettingsSection
      title="Preferences"
      description={
        <>
          Choose which events appear here and which are emailed to {user.email}. They only concern your own
          posts and accounts.
          {user.emailVerified ? null : ' Emails start once you verify this address.'}
        </>
      }
    >
      <QueryState query={settings} label="notification preferences">
        <FormProblem problem={isApiProblem(save.error) ? save.error : null} className="mb-4" />
        <ul className="divide-y divide-slate-100" aria-label="Notification preferences">
          {settings.data?.preferences.map((preference) => (
            <PreferenceRow
              key={preference.type}
              preference={preference}
              saving={save.isPending ? save.variables : undefined}
              // One save at a time: two racing answers could leave the switches out of date.
              disabled={save.isPending}
              onToggle={(channel, on) =>
                save.mutate({ type: preference.type, label: preference.label, channel, on })
              }
            />
          ))}
        </ul>
        <p role="status" className="mt-4 min-h-5 text-sm text-emerald-700">
          {saved}
        </p>
      </QueryState>
    </SettingsSection>
  );
}
