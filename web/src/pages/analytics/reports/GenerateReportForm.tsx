import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem, type ApiProblem } from '../../../api/problem';
import { useServices } from '../../../app/services';
import { Button } from '../../../components/Button';
import { FormProblem } from '../../../components/FormProblem';
import { isScoped, scopeBody } from '../analytics-filters';
import { useAnalyticsRange } from '../use-analytics-range';
import { FormatChoice, INPUT, type ReportFormat } from './FormatChoice';
import { REPORTS_QUERY_KEY } from './ReportList';

/** Asks for a report of the page's period; the list shows it waiting, then ready to download. */
export function GenerateReportForm() {
  const { api } = useServices();
  const client = useQueryClient();
  const { query, filters } = useAnalyticsRange();
  const [name, setName] = useState('');
  const [formats, setFormats] = useState<ReportFormat[]>(['pdf', 'csv']);
  const fallbackName = `Report ${query.from} to ${query.to}`;
  const generate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/analytics/reports/generate', {
          body: {
            name: name.trim() || fallbackName,
            from: query.from,
            to: query.to,
            timeZone: query.timeZone,
            ...scopeBody(filters),
            formats,
          },
        }),
      ),
    onSuccess: async () => {
      setName('');
      await client.invalidateQueries({ queryKey: REPORTS_QUERY_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    generate.mutate();
  };
  const problem: ApiProblem | null = generate.error && isApiProblem(generate.error) ? generate.error : null;
  return (
    <form onSubmit={submit} aria-label="Generate a report" className="space-y-3">
      <label className="block text-sm">
        <span className="mb-1 block text-slate-700">Name</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder={fallbackName}
          maxLength={255}
          className={INPUT}
        />
      </label>
      <FormatChoice value={formats} onChange={setFormats} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={generate.isPending}>
          Generate
        </Button>
        <span className="text-xs text-slate-500">
          Covers {query.from} to {query.to} ({query.timeZone}), the period
          {isScoped(filters) ? ' and the accounts and networks' : ''} chosen above, against the period before.
        </span>
      </div>
      <FormProblem problem={problem} />
    </form>
  );
}
