import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiProblem } from '../api/problem';
import { Button } from './Button';
import { problemText } from './FormProblem';
import { Notice } from './Notice';

/** Loading skeleton, error with retry, or the content once the query has data. */
export function QueryState({
  query,
  label,
  children,
}: {
  query: UseQueryResult<unknown>;
  /** What is loading, for screen readers ("sessions"). */
  label: string;
  children: ReactNode;
}) {
  if (query.isPending) {
    return (
      <div role="status" aria-label={`Loading ${label}`} className="animate-pulse space-y-3">
        <div className="h-4 w-2/3 rounded bg-slate-100" />
        <div className="h-4 w-1/2 rounded bg-slate-100" />
        <div className="h-4 w-3/5 rounded bg-slate-100" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Notice
        tone="danger"
        role="alert"
        title={`Could not load ${label}`}
        action={
          <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
            Try again
          </Button>
        }
      >
        {isApiProblem(query.error) ? problemText(query.error) : 'Something went wrong.'}
      </Notice>
    );
  }
  return <>{children}</>;
}
