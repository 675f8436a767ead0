import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem, type ApiProblem } from '../../../api/problem';
import { useServices } from '../../../app/services';
import { displayName } from '../../../auth/people';
import { useSignedInUser } from '../../../auth/use-session';
import { Button } from '../../../components/Button';
import { FormProblem } from '../../../components/FormProblem';
import { QueryState } from '../../../components/QueryState';
import { MEMBERS_QUERY_KEY } from '../../team/query-keys';
import { useAnalyticsRange } from '../use-analytics-range';
import { FormatChoice, INPUT, type ReportFormat } from './FormatChoice';

export const SCHEDULES_QUERY_KEY = ['analytics', 'reports', 'schedules'] as const;

/** A weekly or monthly report for chosen members (you, to begin with). */
export function ScheduleForm() {
  const { api } = useServices();
  const client = useQueryClient();
  const { user } = useSignedInUser();
  const { timeZone } = useAnalyticsRange();
  const members = useQuery({
    queryKey: MEMBERS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations/members', { signal })),
  });
  const [name, setName] = useState('');
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('weekly');
  const [formats, setFormats] = useState<ReportFormat[]>(['pdf']);
  const [recipients, setRecipients] = useState<string[]>([user.id]);
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/analytics/report-schedules', {
          body: {
            name: name.trim() || (frequency === 'weekly' ? 'Weekly report' : 'Monthly report'),
            frequency,
            timeZone,
            recipientUserIds: recipients,
            formats,
          },
        }),
      ),
    onSuccess: async () => {
      setName('');
      await client.invalidateQueries({ queryKey: SCHEDULES_QUERY_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (recipients.length > 0) create.mutate();
  };
  const toggle = (userId: string, on: boolean) =>
    setRecipients((current) => (on ? [...current, userId] : current.filter((id) => id !== userId)));
  const problem: ApiProblem | null = create.error && isApiProblem(create.error) ? create.error : null;
  return (
    <form onSubmit={submit} aria-label="Schedule a report" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Name</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={frequency === 'weekly' ? 'Weekly report' : 'Monthly report'}
            maxLength={255}
            className={INPUT}
          />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Every</span>
          <select
            value={frequency}
            onChange={(event) => setFrequency(event.target.value as 'weekly' | 'monthly')}
            className={INPUT}
          >
            <option value="weekly">Week (Monday)</option>
            <option value="monthly">Month (the 1st)</option>
          </select>
        </label>
      </div>
      <FormatChoice value={formats} onChange={setFormats} />
      <fieldset className="text-sm">
        <legend className="mb-1 text-slate-700">Send to</legend>
        <QueryState query={members} label="members">
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {members.data?.members.map((member) => (
              <label key={member.userId} className="flex min-w-0 items-center gap-2">
                <input
                  type="checkbox"
                  checked={recipients.includes(member.userId)}
                  onChange={(event) => toggle(member.userId, event.target.checked)}
                />
                <span className="truncate">{displayName(member)}</span>
              </label>
            ))}
          </div>
        </QueryState>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" busy={create.isPending} disabled={recipients.length === 0}>
          Schedule
        </Button>
        <span className="text-xs text-slate-500">
          Each covers the week or month just ended in {timeZone}, made at 06:00 on Monday or the 1st; members
          are told in the app and by email unless they turned it off.
        </span>
      </div>
      <FormProblem problem={problem} />
    </form>
  );
}
