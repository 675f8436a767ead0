import { useSignedInUser } from '../../auth/use-session';

/** Said instead of a run button to a viewer: the server refuses them anyway (403). */
export function ViewerNote() {
  const { can } = useSignedInUser();
  if (can('user')) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="viewer-note">
      Viewers see the agents’ results; ask an admin for the member role to run them.
    </p>
  );
}
