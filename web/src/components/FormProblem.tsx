import { useEffect, useState } from 'react';
import type { ApiProblem } from '../api/problem';
import { Icon } from './Icon';

/** "Try again in N s", counting down from the server's Retry-After. */
export function useCountdown(seconds: number | undefined, key: unknown): number {
  const [remaining, setRemaining] = useState(seconds ?? 0);
  useEffect(() => {
    if (!seconds) {
      setRemaining(0);
      return;
    }
    const endsAt = Date.now() + seconds * 1000;
    setRemaining(seconds);
    const timer = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setRemaining(left);
      if (left === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return remaining;
}

/** The sentence to show for a problem the page has no better words for. */
export function problemText(problem: ApiProblem): string {
  if (problem.code === 'rate_limited') return problem.detail ?? 'Too many attempts.';
  return problem.detail ?? problem.title;
}

/**
 * A form's or a page's error, announced to screen readers. Focusable (the form moves focus
 * here when no single field is to blame). A 429 counts down its Retry-After.
 */
export function FormProblem({ problem, className = '' }: { problem: ApiProblem | null; className?: string }) {
  const remaining = useCountdown(problem?.retryAfterSeconds, problem);
  if (!problem) return null;
  const rateLimited = problem.code === 'rate_limited';
  return (
    <div
      role="alert"
      tabIndex={-1}
      data-form-problem=""
      className={`flex gap-3 rounded-lg bg-rose-50 px-3.5 py-3 text-sm text-rose-800 ring-1 ring-rose-200 ring-inset ${className}`}
    >
      <Icon name="alert" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{rateLimited ? 'Too many attempts' : problem.title}</p>
        {problemText(problem) !== problem.title ? <p className="mt-0.5">{problemText(problem)}</p> : null}
        {rateLimited && problem.retryAfterSeconds ? (
          <p className="mt-0.5 font-medium" data-testid="retry-after">
            {remaining > 0 ? `Try again in ${remaining} s.` : 'You can try again now.'}
          </p>
        ) : null}
      </div>
    </div>
  );
}
