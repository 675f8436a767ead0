import { useState } from 'react';
import { Button } from '../../../components/Button';
import { AgentProblem } from '../../agents/AgentProblem';
import { outputOf, type RankedSlot } from '../../agents/task-outputs';
import { bestTimeClaim } from '../../agents/results/best-time-claim';
import { useRunTask } from '../../agents/use-run-task';
import type { ComposerAccount } from '../accounts';
import { nextSlot } from './next-slot';

/**
 * "Best time": asks the smart scheduler for the first chosen account's best weekly slots in the
 * picked zone and fills the schedule fields with the next one, saying how the slot did in the
 * backtest; where the history cannot support advice, it says so and offers the prior's slot
 * only as such.
 */
export function BestTimeButton({
  accounts,
  timeZone,
  onSlot,
}: {
  accounts: readonly ComposerAccount[];
  timeZone: string;
  onSlot: (slot: { date: string; time: string }) => void;
}) {
  const task = useRunTask('/ai-agents/schedule/optimize');
  const [filled, setFilled] = useState<string | null>(null);
  const account = accounts[0];
  const output = task.task ? outputOf(task.task, 'schedule.optimize') : null;
  const times = output?.accounts.find((a) => a.accountId === account?.id) ?? output?.accounts[0];
  const use = (slot: RankedSlot) => {
    const next = nextSlot(slot, timeZone, new Date());
    if (!next) return;
    onSlot(next);
    setFilled(`${slot.label} (${timeZone})`);
  };
  const best = times?.ranked[0];
  return (
    <div
      className="space-y-2 rounded-lg bg-slate-50 px-3 py-2.5 ring-1 ring-slate-200 ring-inset"
      data-testid="best-time"
    >
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={!account}
          busy={task.starting || (task.task !== null && !output && task.task.status !== 'failed')}
          onClick={() => {
            setFilled(null);
            if (account) task.run({ accountIds: [account.id], timeZone, days: 7 });
          }}
        >
          Best time
        </Button>
        <p className="min-w-0 flex-1 text-xs text-slate-600">
          {account
            ? `From ${account.name}’s own engagement by weekday and hour.`
            : 'Pick an account to find its best time.'}
        </p>
      </div>
      <AgentProblem problem={task.problem} />
      {task.task?.status === 'failed' ? (
        <p className="text-xs text-rose-700">{task.task.errorMessage}</p>
      ) : null}
      {times && best ? (
        times.supported ? (
          <div className="space-y-1 text-xs text-slate-700">
            <p>
              Best: <span className="font-medium">{best.label}</span> (×{best.multiplier.toFixed(2)} its
              usual). {bestTimeClaim(times.backtest, task.task?.completedAt ?? null)}
            </p>
            {filled ? (
              <p className="font-medium text-emerald-700" role="status">
                Set to the next {filled}.
              </p>
            ) : (
              <Button size="sm" variant="secondary" onClick={() => use(best)}>
                Use {best.label}
              </Button>
            )}
          </div>
        ) : (
          <div className="space-y-1 text-xs text-slate-700">
            <p role="status">
              Your history cannot support advice on times yet:{' '}
              {times.reason ?? 'too few posts to compare hours.'}
            </p>
            {filled ? (
              <p className="font-medium text-slate-700" role="status">
                Set to the next {filled}, from the prior.
              </p>
            ) : (
              <Button size="sm" variant="ghost" onClick={() => use(best)}>
                Use the network’s usual best ({best.label}), not learned from you
              </Button>
            )}
          </div>
        )
      ) : null}
    </div>
  );
}
