import { Icon } from '../../components/Icon';
import type { ValidationIssue } from '../../publishing/rules';

/** One account's errors (red, they block scheduling) and warnings (amber, they do not). */
export function IssueList({
  issues,
  serverErrors = [],
}: {
  issues: readonly ValidationIssue[];
  serverErrors?: readonly string[];
}) {
  if (issues.length === 0 && serverErrors.length === 0) return null;
  const ordered = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul className="space-y-1.5 text-sm" aria-label="Issues">
      {serverErrors.map((message, index) => (
        <li key={`server-${index}`} className="flex gap-2 text-rose-800">
          <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="sr-only">Refused by the server: </span>
            {message}
          </span>
        </li>
      ))}
      {ordered.map((issue, index) => (
        <li
          key={`${issue.code}-${index}`}
          data-severity={issue.severity}
          className={`flex gap-2 ${issue.severity === 'error' ? 'text-rose-800' : 'text-amber-800'}`}
        >
          <Icon name={issue.severity === 'error' ? 'alert' : 'info'} className="mt-0.5 size-4 shrink-0" />
          <span>
            <span className="sr-only">{issue.severity === 'error' ? 'Error: ' : 'Warning: '}</span>
            {issue.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
