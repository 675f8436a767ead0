import type { ReactNode } from 'react';
import { Button } from './Button';

/** Previous / next under a paged list, with a summary ("12 posts · page 1 of 2"). */
export function Pager({
  page,
  pageCount,
  summary,
  onPage,
}: {
  page: number;
  pageCount: number;
  summary: ReactNode;
  onPage: (page: number) => void;
}) {
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm text-slate-600">
      <p>{summary}</p>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="sm" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
