import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import type { Organization, Role } from '../../api/types';
import { useServices } from '../../app/services';
import { ROLE_LABELS, ROLE_ORDER } from '../../auth/roles';
import { Button } from '../../components/Button';
import { FormProblem } from '../../components/FormProblem';
import { SettingsSection } from './SettingsSection';

type Policy = Organization['approvals'];
type ApproverRole = Policy['approverRoles'][number];

// A viewer writes nothing, so cannot approve either (the policy's own list).
const APPROVER_ROLES: readonly ApproverRole[] = ['user', 'manager', 'admin'];

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...new Set([...list, value])] : list.filter((item) => item !== value);

/** Keeps the roles in the route table's order, so "changed" compares like with like. */
const ordered = <T extends Role>(roles: readonly T[]): T[] =>
  ROLE_ORDER.filter((role): role is T => (roles as readonly Role[]).includes(role));

/**
 * The organization's approval policy: whose posts need approval before they go out, and
 * which roles approve. Admins change it (PUT /organizations {approvals}); others read it.
 */
export function ApprovalsCard({
  organization,
  admin,
  onSaved,
}: {
  organization: Organization;
  admin: boolean;
  onSaved: (next: Organization) => void;
}) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState<Policy>(organization.approvals);
  const save = useMutation({
    mutationFn: (approvals: Policy) => unwrap(api.PUT('/organizations', { body: { approvals } })),
    onSuccess: (next) => {
      setPolicy(next.approvals);
      onSaved(next);
      // Posts' approval statuses and the queue follow the policy.
      void queryClient.invalidateQueries({ queryKey: ['posts'] });
    },
  });
  const changed = JSON.stringify(policy) !== JSON.stringify(organization.approvals);
  const noApprover = policy.approverRoles.length === 0;

  return (
    <SettingsSection
      title="Approvals"
      description={
        admin
          ? 'Whose posts need approval before they are scheduled or published, and who approves them. Drafts written by an AI agent always need approval.'
          : 'Whose posts need approval, and who approves them. Only admins can change this.'
      }
    >
      <form
        aria-label="Approval policy"
        className="max-w-xl space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          if (!noApprover) save.mutate(policy);
        }}
      >
        <FormProblem problem={isApiProblem(save.error) ? save.error : null} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Posts need approval when written by</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {ROLE_ORDER.filter((role) => role !== 'viewer').map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  disabled={!admin}
                  checked={policy.requiredFor.includes(role)}
                  onChange={(event) =>
                    setPolicy({
                      ...policy,
                      requiredFor: ordered(toggled(policy.requiredFor, role, event.target.checked)),
                    })
                  }
                  className="size-4 accent-brand-600"
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Who approves</legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {APPROVER_ROLES.map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  disabled={!admin}
                  checked={policy.approverRoles.includes(role)}
                  onChange={(event) =>
                    setPolicy({
                      ...policy,
                      approverRoles: ordered(toggled(policy.approverRoles, role, event.target.checked)),
                    })
                  }
                  className="size-4 accent-brand-600"
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
          {noApprover ? (
            <p role="alert" className="mt-2 text-sm text-rose-700">
              At least one role must approve.
            </p>
          ) : null}
        </fieldset>
        {admin ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" busy={save.isPending} busyLabel="Saving…" disabled={!changed || noApprover}>
              Save approvals
            </Button>
            <p role="status" className="text-sm text-emerald-700">
              {save.isSuccess && !changed ? 'Saved.' : ''}
            </p>
          </div>
        ) : null}
      </form>
    </SettingsSection>
  );
}
