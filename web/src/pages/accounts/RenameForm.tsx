import { useState } from 'react';
import { isApiProblem } from '../../api/problem';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { renameError } from './account-name';
import type { SocialAccount } from './types';
import { useAccountActions } from './use-account-actions';

/** The label Plume shows for an account; clearing it goes back to the network's profile name. */
export function RenameForm({
  account,
  onDone,
}: {
  account: SocialAccount;
  onDone: (message: string | null) => void;
}) {
  const { update } = useAccountActions(account.id);
  const [name, setName] = useState(account.name ?? '');
  const [submitted, setSubmitted] = useState(false);
  const error = submitted ? renameError(name) : undefined;
  const save = (next: string | null) =>
    update.mutate(
      { name: next },
      { onSuccess: (saved) => onDone(`Renamed to ${saved.name ?? saved.handle ?? 'the profile name'}.`) },
    );

  return (
    <form
      noValidate
      aria-label={`Rename ${account.name ?? account.handle ?? account.accountId}`}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!renameError(name)) save(name.trim());
      }}
      className="space-y-3"
    >
      <FormProblem problem={isApiProblem(update.error) ? update.error : null} />
      <TextField
        id={`rename-${account.id}`}
        name="name"
        value={name}
        error={error}
        onChange={(event) => setName(event.target.value)}
        onBlur={() => undefined}
        label="Name in Plume"
        autoComplete="off"
        autoFocus
        hint={
          account.profileName
            ? `The profile name on ${account.platformName} is “${account.profileName}”.`
            : undefined
        }
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" busy={update.isPending} busyLabel="Saving…">
          Save name
        </Button>
        {account.profileName && account.profileName !== account.name ? (
          <Button variant="secondary" size="sm" disabled={update.isPending} onClick={() => save(null)}>
            Use the profile name
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" disabled={update.isPending} onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
