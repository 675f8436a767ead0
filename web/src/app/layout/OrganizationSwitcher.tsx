import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { ROLE_LABELS } from '../../auth/roles';
import { useSession, useSignedInUser } from '../../auth/use-session';
import { Spinner } from '../../components/Button';
import { problemText } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/use-popover';

/**
 * The organization this session acts in. With several, a menu to act in another: the API
 * issues a token scoped to it and every page reloads its data for it.
 */
export function OrganizationSwitcher() {
  const { user, organization } = useSignedInUser();
  const { switchOrganization } = useSession();
  const popover = usePopover();
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const label = (
    <>
      <span className="flex size-6 shrink-0 items-center justify-center rounded-md bg-slate-100 text-slate-500">
        <Icon name="building" className="size-4" />
      </span>
      <span className="truncate font-medium text-slate-700">{organization.name}</span>
    </>
  );

  if (user.organizations.length <= 1) {
    return (
      <div
        className="flex min-w-0 items-center gap-2 rounded-lg px-1.5 py-1 text-sm"
        data-testid="organization-name"
      >
        {label}
      </div>
    );
  }

  const choose = async (id: string) => {
    if (id === organization.id) {
      popover.close();
      return;
    }
    setSwitching(id);
    setError(null);
    try {
      await switchOrganization(id);
      popover.close();
      popover.button.current?.focus();
    } catch (cause) {
      setError(isApiProblem(cause) ? problemText(cause) : 'Could not switch organization.');
    } finally {
      setSwitching(null);
    }
  };

  return (
    <div ref={popover.root} className="relative min-w-0">
      <button
        {...popover.buttonProps}
        type="button"
        onClick={popover.toggle}
        className="flex max-w-full min-w-0 items-center gap-2 rounded-lg px-1.5 py-1 text-sm hover:bg-slate-100"
      >
        {label}
        <Icon name="selector" className="size-4 shrink-0 text-slate-400" />
        <span className="sr-only">Switch organization</span>
      </button>
      {popover.open ? (
        <div
          id={popover.panelId}
          className="absolute left-0 z-50 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-1.5 text-sm shadow-lg"
        >
          <p className="px-3 pt-2 pb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Your organizations
          </p>
          <ul aria-label="Your organizations">
            {user.organizations.map((candidate) => {
              const current = candidate.id === organization.id;
              return (
                <li key={candidate.id}>
                  <button
                    type="button"
                    aria-current={current ? 'true' : undefined}
                    disabled={switching !== null}
                    onClick={() => void choose(candidate.id)}
                    className="flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left hover:bg-slate-50 disabled:cursor-wait"
                  >
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium text-slate-900">{candidate.name}</span>
                      <span className="block text-xs text-slate-500">{ROLE_LABELS[candidate.role]}</span>
                    </span>
                    {switching === candidate.id ? (
                      <Spinner className="size-4 text-slate-400" />
                    ) : current ? (
                      <Icon name="check" className="size-4 text-brand-600" />
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
          {error ? (
            <p role="alert" className="px-3 py-2 text-xs text-rose-700">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
