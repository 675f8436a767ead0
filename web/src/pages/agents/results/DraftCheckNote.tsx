import type { DraftCheck } from '../task-outputs';

/** What the network's rules and the banned words say of a draft. */
export function DraftCheckNote({ check }: { check: DraftCheck }) {
  if (check.valid && check.issues.length === 0) {
    return <p className="text-xs text-emerald-700">Passes the network’s rules and your banned words.</p>;
  }
  return (
    <ul className="space-y-0.5 text-xs">
      {check.issues.map((issue) => (
        <li
          key={`${issue.code}-${issue.message}`}
          className={issue.severity === 'error' ? 'text-rose-700' : 'text-amber-800'}
        >
          {issue.severity === 'error' ? 'Error: ' : 'Warning: '}
          {issue.message}
        </li>
      ))}
      {check.bannedWords.length > 0 ? (
        <li className="text-rose-700">Banned words: {check.bannedWords.join(', ')}</li>
      ) : null}
    </ul>
  );
}
