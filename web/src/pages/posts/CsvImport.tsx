import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { POSTS_KEY } from '../../publishing/query-keys';
import { csvImportProblem, type CsvImportProblem } from './csv-problem';
import { uploadScheduleCsv } from './csv-upload';
import type { SocialAccount } from './types';

const MAX_BYTES = 1_000_000;

/** Schedules many posts from a CSV file; every row is checked before anything is created. */
export function CsvImport({ accounts, onClose }: { accounts: SocialAccount[]; onClose: () => void }) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<CsvImportProblem | null>(null);
  const [created, setCreated] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setCreated(null);
    if (!file) {
      setProblem({ summary: 'Choose a .csv file first.', rows: [] });
      return;
    }
    if (file.size > MAX_BYTES) {
      setProblem({ summary: 'The file is larger than 1 MB; split it into several files.', rows: [] });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const posts = await uploadScheduleCsv(api, await file.text());
      setCreated(posts.length);
      if (input.current) input.current.value = '';
      await queryClient.invalidateQueries({ queryKey: POSTS_KEY });
    } catch (error) {
      setProblem(csvImportProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs"
    >
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            Import posts from a CSV file
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            One post per row, with a header row. Columns: <code>content</code>, <code>accounts</code> (account
            ids, separated by spaces or semicolons), and either <code>at</code> (e.g.{' '}
            <code>2026-05-04T09:00:00Z</code>) or <code>local_time</code> (<code>2026-05-04T09:00</code>) with{' '}
            <code>time_zone</code> (<code>Europe/Paris</code>). Optional: <code>title</code>,{' '}
            <code>media_ids</code>, <code>first_comment</code>. If any row is wrong, nothing is scheduled.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      {accounts.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium text-brand-700">Account ids to use</summary>
          <ul className="mt-2 space-y-1">
            {accounts.map((account) => (
              <li key={account.id} className="flex flex-wrap gap-2">
                <span className="text-slate-700">
                  {account.name ?? account.handle} ({account.platformName})
                </span>
                <code className="rounded bg-slate-100 px-1.5 text-xs leading-5 text-slate-800">
                  {account.id}
                </code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <form onSubmit={(event) => void submit(event)} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
            CSV file
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            className="mt-1.5 block text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
          />
        </div>
        <Button type="submit" busy={busy} busyLabel="Scheduling…">
          Schedule posts
        </Button>
      </form>
      <div className="mt-4">
        {created !== null ? (
          <Notice tone="success" title={`Scheduled ${created} ${created === 1 ? 'post' : 'posts'}.`}>
            They are in the list below.
          </Notice>
        ) : null}
        {problem ? (
          <Notice tone="danger" role="alert" title="Nothing was scheduled">
            <p>{problem.summary}</p>
            {problem.rows.length > 0 ? (
              <ul className="mt-2 space-y-1" aria-label="Rows to fix">
                {problem.rows.map((row) => (
                  <li key={row.row}>
                    <span className="font-medium">
                      Row {row.row}
                      {row.line ? ` (line ${row.line})` : ''}:
                    </span>{' '}
                    {row.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message)).join('; ')}
                  </li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </section>
  );
}
