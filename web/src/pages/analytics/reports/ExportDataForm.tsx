import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem, type ApiProblem } from '../../../api/problem';
import { useServices } from '../../../app/services';
import { Button } from '../../../components/Button';
import { FormProblem } from '../../../components/FormProblem';
import { isScoped, scopeBody } from '../analytics-filters';
import { useAnalyticsRange } from '../use-analytics-range';
import { REPORTS_QUERY_KEY } from './ReportList';

type Dataset = 'posts' | 'daily';
type Format = 'csv' | 'json';
const DATASETS: ReadonlyArray<[Dataset, string]> = [
  ['posts', 'Posts: each post on each network with its latest figures'],
  ['daily', 'Daily: the same posts, their figures day by day'],
];
const FORMATS: ReadonlyArray<[Format, string]> = [
  ['csv', 'CSV (spreadsheets)'],
  ['json', 'JSON (scripts)'],
];

/**
 * Asks for the raw rows of the page's period as one file, made in the background (however
 * large), listed with the reports when ready, and announced by notification.
 */
export function ExportDataForm() {
  const { api } = useServices();
  const client = useQueryClient();
  const { query, filters } = useAnalyticsRange();
  const [dataset, setDataset] = useState<Dataset>('posts');
  const [format, setFormat] = useState<Format>('csv');
  const request = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/analytics/exports', {
          body: {
            from: query.from,
            to: query.to,
            timeZone: query.timeZone,
            ...scopeBody(filters),
            dataset,
            format,
          },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: REPORTS_QUERY_KEY }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  const problem: ApiProblem | null = request.error && isApiProblem(request.error) ? request.error : null;
  const choice = <T extends string>(
    legend: string,
    name: string,
    options: ReadonlyArray<[T, string]>,
    value: T,
    set: (next: T) => void,
  ) => (
    <fieldset className="text-sm">
      <legend className="mb-1 text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map(([option, label]) => (
          <label key={option} className="flex items-center gap-2">
            <input type="radio" name={name} checked={value === option} onChange={() => set(option)} />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <form onSubmit={submit} aria-label="Export the data" className="space-y-3">
      {choice('Rows', 'export-dataset', DATASETS, dataset, setDataset)}
      {choice('File', 'export-format', FORMATS, format, setFormat)}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={request.isPending}>
          Export
        </Button>
        <span className="text-xs text-slate-500">
          {query.from} to {query.to} ({query.timeZone})
          {isScoped(filters) ? ', the accounts and networks chosen above' : ''}. Figures a network does not
          give are empty, with the reason in the last column.
        </span>
      </div>
      {request.isSuccess ? (
        <p role="status" className="text-sm text-emerald-700">
          Export started: it appears under Reports when ready (you will be notified), and is kept for 7 days.
        </p>
      ) : null}
      <FormProblem problem={problem} />
    </form>
  );
}
