import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { FormProblem } from '../../components/FormProblem';
import { QueryState } from '../../components/QueryState';
import { SettingsSection } from '../settings/SettingsSection';
import { PreferenceSwitch } from './PreferenceSwitch';
import { NOTIFICATION_SETTINGS_KEY } from './query-keys';

interface PreferenceChange {
  type: string;
  label: string;
  inApp: boolean;
}

/** Which events reach the in-app list; each switch saves on its own, at once. */
export function PreferencesSection() {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState('');
  const settings = useQuery({
    queryKey: NOTIFICATION_SETTINGS_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/notifications/settings', { signal })),
  });
  const save = useMutation({
    mutationFn: ({ type, inApp }: PreferenceChange) =>
      unwrap(api.PUT('/notifications/settings', { body: { preferences: { [type]: { inApp } } } })),
    onMutate: () => setSaved(''),
    onSuccess: (answer, change) => {
      queryClient.setQueryData(NOTIFICATION_SETTINGS_KEY, answer);
      setSaved(`Saved: ${change.label} ${change.inApp ? 'on' : 'off'}.`);
    },
  });
  const saving = save.isPending ? save.variables : undefined;

  return (
    <SettingsSection
      title="Preferences"
      description="Choose which events appear here. They only concern your own posts and accounts."
    >
      <QueryState query={settings} label="notification preferences">
        <FormProblem problem={isApiProblem(save.error) ? save.error : null} className="mb-4" />
        <ul className="divide-y divide-slate-100" aria-label="Notification preferences">
          {settings.data?.preferences.map((preference) => (
            <PreferenceSwitch
              key={preference.type}
              preference={preference}
              on={saving?.type === preference.type ? saving.inApp : preference.inApp}
              // One save at a time: two racing answers could leave the switches out of date.
              disabled={save.isPending}
              onToggle={() =>
                save.mutate({ type: preference.type, label: preference.label, inApp: !preference.inApp })
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
