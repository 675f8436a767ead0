import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../api/client';
import { useServices } from '../../../app/services';
import { displayName } from '../../../auth/people';
import { Button } from '../../../components/Button';
import { QueryState } from '../../../components/QueryState';
import { formatDateTime } from '../../../lib/dates';
import { MEMBERS_QUERY_KEY } from '../../team/query-keys';
import { SCHEDULES_QUERY_KEY } from './ScheduleForm';

/** The organization's report schedules, with who receives them and when the next one is made. */
export function ScheduleList({ canEdit, timeZone }: { canEdit: boolean; timeZone: string }) {
  const { api } = useServices();
  const client = useQueryClient();
  const schedules = useQuery({
    queryKey: SCHEDULES_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/analytics/report-schedules', { signal })),
  });
  const members = useQuery({
    queryKey: MEMBERS_QUERY_KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/organizations/members', { signal })),
  });
  const names = new Map((members.data?.members ?? []).map((member) => [member.userId, displayName(member)]));
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/analytics/report-schedules/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES_QUERY_KEY }),
  });
  const items = schedules.data?.items ?? [];
  return (
    <QueryState query={schedules} label="report schedules">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No report is scheduled.</p>
      ) : (
        <ul aria-label="Report schedules" className="divide-y divide-slate-100">
          {items.map((schedule) => (
            <li key={schedule.id} className="flex flex-wrap items-center gap-3 py-3 first:pt-0 last:pb-0">
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium break-words text-slate-900">{schedule.name}</p>
                <p className="text-xs text-slate-500">
                  {schedule.frequency === 'weekly' ? 'Weekly' : 'Monthly'} ·{' '}
                  {schedule.formats.join(', ').toUpperCase()} · next{' '}
                  {formatDateTime(schedule.nextRunAt, timeZone)}
                </p>
                <p className="text-xs break-words text-slate-500">
                  To {schedule.recipientUserIds.map((id) => names.get(id) ?? 'a former member').join(', ')}
                </p>
              </div>
              {canEdit ? (
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(schedule.id)}
                  aria-label={`Stop ${schedule.name}`}
                >
                  Stop
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </QueryState>
  );
}
