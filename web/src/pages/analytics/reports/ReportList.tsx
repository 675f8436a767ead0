import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem } from '../../../api/problem';
import type { components } from '../../../api/schema.gen';
import { useServices } from '../../../app/services';
import { Badge, type BadgeTone } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { problemText } from '../../../components/FormProblem';
import { Pager } from '../../../components/Pager';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/dates';
import { downloadReportFile } from './download-report-file';

type Report = components['schemas']['AnalyticsReport'];

export const REPORTS_QUERY_KEY = ['analytics', 'reports', 'list'] as const;
/** While a report is being made the list is asked again this often (manual reports announce nothing). */
const POLL_MS = 2_000;
/** Reports per page of the list (the API pages it: `page`, `limit`). */
const PAGE_SIZE = 20;

const STATUS: Record<Report['status'], [string, BadgeTone]> = {
  pending: ['Waiting', 'neutral'],
  running: ['Being made', 'brand'],
  completed: ['Ready', 'success'],
  failed: ['Failed', 'danger'],
};
const SIZE = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const inProgress = (report: Report) => report.status === 'pending' || report.status === 'running';

/** The organization's reports, newest first, with their state and files; every role may download. */
export function ReportList({ timeZone }: { timeZone: string }) {
  const { api } = useServices();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [...REPORTS_QUERY_KEY, page],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/analytics/reports', { params: { query: { page, limit: PAGE_SIZE } }, signal })),
    // The page shown stays while the next one loads, so the pager does not jump away.
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(inProgress) ? POLL_MS : false),
  });
  const download = useMutation({
    mutationFn: ({ report, format }: { report: Report; format: Report['formats'][number] }) =>
      downloadReportFile(api, report, format),
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <QueryState query={list} label="reports">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No report yet.</p>
      ) : (
        <ul aria-label="Reports" className="divide-y divide-slate-100">
          {items.map((report) => {
            const [label, tone] = STATUS[report.status];
            return (
              <li key={report.id} className="flex flex-wrap items-center gap-3 py-3 first:pt-0 last:pb-0">
                <div className="w-full min-w-0 text-sm sm:w-auto sm:flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <span className="break-words">{report.name}</span>
                    <Badge tone={tone}>{label}</Badge>
                  </p>
                  <p className="text-xs text-slate-500">
                    {report.from} to {report.to} ({report.timeZone}) ·{' '}
                    {report.formats.join(', ').toUpperCase()} ·{' '}
                    {report.scheduleId ? 'scheduled' : 'asked for'}{' '}
                    {formatDateTime(report.createdAt, timeZone)}
                    {report.expiresAt ? ` · kept until ${formatDateTime(report.expiresAt, timeZone)}` : ''}
                  </p>
                  {report.status === 'failed' && report.errorMessage ? (
                    <p className="text-xs text-rose-700">{report.errorMessage}</p>
                  ) : null}
                </div>
                {report.files.map((file) => (
                  <Button
                    key={file.format}
                    variant="secondary"
                    size="sm"
                    disabled={download.isPending}
                    onClick={() => download.mutate({ report, format: file.format })}
                    aria-label={`Download ${report.name} as ${file.format.toUpperCase()}`}
                  >
                    {file.format.toUpperCase()} · {SIZE.format(Math.max(1, file.bytes / 1000))}
                  </Button>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {total > PAGE_SIZE ? (
        <div className="mt-4">
          <Pager
            page={page}
            pageCount={pageCount}
            summary={`${total} reports · page ${page} of ${pageCount}`}
            onPage={setPage}
          />
        </div>
      ) : null}
      {download.error ? (
        <p role="alert" className="mt-3 text-sm text-rose-700">
          Could not download:{' '}
          {isApiProblem(download.error) ? problemText(download.error) : 'the link failed.'}
        </p>
      ) : null}
    </QueryState>
  );
}
