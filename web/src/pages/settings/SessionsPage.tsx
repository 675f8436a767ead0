import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { SessionInfo } from '../../api/types';
import { useSession, useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { formatDateTime, formatRelative } from '../../lib/dates';
import { describeUserAgent } from '../../lib/user-agent';
import { QueryState } from '../../components/QueryState';
import { SettingsSection } from './SettingsSection';

export const SESSIONS_QUERY_KEY = ['sessions'] as const;

export default function SessionsPage() {
  const { api } = useServices();
  const { user } = useSignedInUser();
  const { signOut } = useSession();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/users/sessions', { signal })),
  });
  const [confirming, setConfirming] = useState<SessionInfo | 'others' | null>(null);
  const revoke = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) {
        await unwrap(api.DELETE('/users/sessions/{id}', { params: { path: { id } } }));
      }
    },
    onSuccess: () => setConfirming(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY }),
  });

  const list = sessions.data?.sessions ?? [];
  const others = list.filter((session) => !session.current);

  return (
    <SettingsSection
      title="Sessions"
      description="Every browser and device signed in to your account. Sign out of any you do not recognise."
      aside={
        others.length > 0 ? (
          <Button variant="secondary" size="sm" onClick={() => setConfirming('others')}>
            Sign out of all other sessions
          </Button>
        ) : undefined
      }
    >
      <title>Sessions · Settings · Plume</title>
      <FormProblem problem={isApiProblem(revoke.error) ? revoke.error : null} className="mb-4" />
      <QueryState query={sessions} label="sessions">
        <ul className="divide-y divide-slate-100" aria-label="Active sessions">
          {[...list]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((session) => {
              const device = describeUserAgent(session.userAgent);
              return (
                <li
                  key={session.id}
                  className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
                >
                  <div className="flex min-w-0 flex-1 gap-3">
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                      <Icon name={device.mobile ? 'phone' : 'device'} className="size-5" />
                    </span>
                    <div className="min-w-0 text-sm">
                      <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                        {device.label}
                        {session.current ? <Badge tone="success">This device</Badge> : null}
                      </p>
                      <p className="mt-0.5 text-slate-500">
                        {session.ipAddress ? `${session.ipAddress} · ` : ''}
                        Signed in {formatDateTime(session.createdAt, user.timezone)}
                        {' · '}
                        {session.current
                          ? 'active now'
                          : `last active ${formatRelative(session.lastUsedAt ?? session.createdAt)}`}
                      </p>
                    </div>
                  </div>
                  {session.current ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      className="self-start sm:self-auto"
                      onClick={() => void signOut()}
                    >
                      Sign out
                    </Button>
                  ) : (
                    <Button
                      variant="dangerGhost"
                      size="sm"
                      className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
                      onClick={() => setConfirming(session)}
                      aria-label={`Revoke the ${device.label} session`}
                    >
                      Revoke
                    </Button>
                  )}
                </li>
              );
            })}
        </ul>
      </QueryState>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === 'others' ? 'Sign out of all other sessions?' : 'Revoke this session?'}
        confirmLabel={confirming === 'others' ? 'Sign out of others' : 'Revoke session'}
        busy={revoke.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() =>
          revoke.mutate(
            confirming === 'others' ? others.map((session) => session.id) : confirming ? [confirming.id] : [],
          )
        }
      >
        {confirming === 'others'
          ? `${others.length} other ${others.length === 1 ? 'session' : 'sessions'} will be signed out at once.`
          : 'That browser or device is signed out at once and must sign in again.'}
      </ConfirmDialog>
    </SettingsSection>
  );
}
