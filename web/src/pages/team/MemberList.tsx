import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Member, Role } from '../../api/types';
import { ROLE_LABELS, ROLE_ORDER } from '../../auth/roles';
import { displayName, initials } from '../../auth/people';
import { useSignedInUser } from '../../auth/use-session';
import { useServices } from '../../app/services';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormProblem } from '../../components/FormProblem';
import { formatDate } from '../../lib/dates';
import { SettingsSection } from '../settings/SettingsSection';
import { MEMBERS_QUERY_KEY } from './query-keys';

export function MemberList({ members }: { members: Member[] }) {
  const { api } = useServices();
  const { user, can } = useSignedInUser();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<Member | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const admin = can('admin');

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      unwrap(api.PUT('/organizations/members/{id}', { params: { path: { id: member.id } }, body: { role } })),
    onSuccess: (updated) =>
      setAnnouncement(`${displayName(updated)} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
  const remove = useMutation({
    mutationFn: (member: Member) =>
      unwrap(api.DELETE('/organizations/members/{id}', { params: { path: { id: member.id } } })),
    onSuccess: (_result, member) => {
      setRemoving(null);
      setAnnouncement(`${displayName(member)} was removed.`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
  const problem = [changeRole.error, remove.error].find(isApiProblem) ?? null;

  return (
    <SettingsSection
      title="Members"
      description={`${members.length} ${members.length === 1 ? 'person' : 'people'} in this organization.`}
    >
      <FormProblem problem={problem} className="mb-4" />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <ul className="divide-y divide-slate-100" aria-label="Members">
        {members.map((member) => {
          const self = member.userId === user.id;
          const name = displayName(member);
          return (
            <li
              key={member.id}
              className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center"
            >
              <div className="flex min-w-0 flex-1 items-center gap-3">
                <span
                  aria-hidden="true"
                  className="flex size-9 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600"
                >
                  {initials(member)}
                </span>
                <div className="min-w-0 text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <span className="truncate">{name}</span>
                    {self ? <Badge tone="brand">You</Badge> : null}
                  </p>
                  {member.email !== name ? <p className="truncate text-slate-500">{member.email}</p> : null}
                  <p className="text-xs text-slate-500">
                    Joined {formatDate(member.joinedAt, user.timezone)}
                  </p>
                </div>
              </div>
              {admin && !self ? (
                <div className="flex items-center gap-2 pl-12 sm:pl-0">
                  <label className="sr-only" htmlFor={`role-${member.id}`}>
                    Role of {name}
                  </label>
                  <select
                    id={`role-${member.id}`}
                    value={member.role}
                    disabled={changeRole.isPending}
                    onChange={(event) => changeRole.mutate({ member, role: event.target.value as Role })}
                    className="rounded-lg border-0 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
                  >
                    {ROLE_ORDER.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                  <Button
                    variant="dangerGhost"
                    size="sm"
                    onClick={() => setRemoving(member)}
                    aria-label={`Remove ${name}`}
                  >
                    Remove
                  </Button>
                </div>
              ) : (
                <div className="pl-12 sm:pl-0">
                  <Badge tone={member.role === 'admin' ? 'brand' : 'neutral'}>
                    {ROLE_LABELS[member.role]}
                  </Badge>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing ? displayName(removing) : ''}?`}
        confirmLabel="Remove member"
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        They lose access to this organization at once. Their account stays, and you can invite them again
        later.
      </ConfirmDialog>
    </SettingsSection>
  );
}
