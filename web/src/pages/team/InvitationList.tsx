import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Invitation } from '../../api/types';
import { ROLE_LABELS } from '../../auth/roles';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { formatDate } from '../../lib/dates';
import { SettingsSection } from '../settings/SettingsSection';
import { MEMBERS_QUERY_KEY } from './query-keys';

export function InvitationList({ invitations }: { invitations: Invitation[] }) {
  const { api } = useServices();
  const { can, user } = useSignedInUser();
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) =>
      unwrap(api.DELETE('/organizations/invitations/{id}', { params: { path: { id: invitation.id } } })),
    onSuccess: () => setRevoking(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
  const admin = can('admin');

  return (
    <SettingsSection title="Pending invitations" description="Invitations not accepted yet.">
      <FormProblem problem={isApiProblem(revoke.error) ? revoke.error : null} className="mb-4" />
      <ul className="divide-y divide-slate-100" aria-label="Pending invitations">
        {invitations.map((invitation) => (
          <li
            key={invitation.id}
            className="flex flex-col gap-3 py-3.5 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
          >
            <div className="min-w-0 flex-1 text-sm">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-all text-slate-900">{invitation.email}</span>
                <Badge>{ROLE_LABELS[invitation.role]}</Badge>
              </p>
              <p className="mt-0.5 text-slate-500">
                Sent {formatDate(invitation.createdAt, user.timezone)} · expires{' '}
                {formatDate(invitation.expiresAt, user.timezone)}
              </p>
            </div>
            {admin ? (
              <Button
                variant="dangerGhost"
                size="sm"
                className="-ml-2.5 self-start sm:ml-0 sm:self-auto"
                onClick={() => setRevoking(invitation)}
                aria-label={`Revoke the invitation for ${invitation.email}`}
              >
                Revoke
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        The link sent to {revoking?.email} stops working. You can invite them again later.
      </ConfirmDialog>
    </SettingsSection>
  );
}
