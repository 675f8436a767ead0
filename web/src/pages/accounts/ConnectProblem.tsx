import { Link } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import { FormProblem } from '../../components/FormProblem';
import { Notice } from '../../components/Notice';

/**
 * A failed connection. A full plan is not an error to fix in the form, so it gets its own
 * words and the way out (billing); anything else is the API's problem as it came.
 */
export function ConnectProblem({
  problem,
  className = '',
}: {
  problem: ApiProblem | null;
  className?: string;
}) {
  if (!problem) return null;
  if (problem.code === 'plan_limit_reached') {
    return (
      <Notice tone="warning" role="alert" title="Your plan is full" className={className}>
        {problem.detail ?? 'This plan has no room for another account.'} Disconnect an account you no longer
        use, or{' '}
        <Link to="/billing" className="font-medium underline underline-offset-2">
          change the plan
        </Link>
        .
      </Notice>
    );
  }
  return <FormProblem problem={problem} className={className} />;
}
