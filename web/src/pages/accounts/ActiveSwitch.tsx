import { isApiProblem } from '../../api/problem';
import { FormProblem } from '../../components/FormProblem';
import type { SocialAccount } from './types';
import { useAccountActions } from './use-account-actions';

/**
 * Whether the composer offers the account. Pausing keeps it connected (and its tokens fresh);
 * viewers and users see the setting without the control.
 */
export function ActiveSwitch({
  account,
  label,
  editable,
  onAnnounce,
}: {
  account: SocialAccount;
  label: string;
  editable: boolean;
  onAnnounce: (message: string) => void;
}) {
  const { update } = useAccountActions(account.id);
  const on =
    update.isPending && update.variables?.isActive !== undefined
      ? update.variables.isActive
      : account.isActive;
  if (!editable) {
    return (
      <p className="text-xs text-slate-600">
        {account.isActive ? 'Offered in the composer.' : 'Paused: not offered in the composer.'}
      </p>
    );
  }
  return (
    <div>
      <FormProblem problem={isApiProblem(update.error) ? update.error : null} className="mb-2" />
      <div className="flex items-center gap-3">
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-label={`Offer ${label} in the composer`}
          disabled={update.isPending}
          onClick={() =>
            update.mutate(
              { isActive: !account.isActive },
              {
                onSuccess: (saved) =>
                  onAnnounce(
                    saved.isActive ? `${label} is offered in the composer again.` : `${label} is paused.`,
                  ),
              },
            )
          }
          className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${on ? 'bg-brand-600' : 'bg-slate-300'}`}
        >
          <span
            aria-hidden="true"
            className={`inline-block size-4 rounded-full bg-white shadow-xs transition-transform ${on ? 'translate-x-4.5' : 'translate-x-0.5'}`}
          />
        </button>
        <span className="text-xs text-slate-600" aria-hidden="true">
          {on ? 'Offered in the composer' : 'Paused: not offered in the composer'}
        </span>
      </div>
    </div>
  );
}
