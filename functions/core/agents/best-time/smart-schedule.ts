import type { Platform } from '../../../shared/platforms/catalog';
import type { PostOutcome } from '../post-outcomes';
import { bestTimes, type AccountBestTimes, type BestTimesOptions } from './best-times';
import {
  planSchedule,
  type BusyPost,
  type PlanConstraints,
  type PlanDraft,
  type SchedulePlan,
} from './plan-schedule';

export interface SmartScheduleInput {
  /** The organization's post outcomes (loadPostOutcomes), any accounts; each account reads its own. */
  outcomes: readonly PostOutcome[];
  /** The accounts to advise, each with its audience's zone. */
  accounts: readonly { accountId: string; platform: Platform; timeZone: string }[];
  /** Drafts (one per target) to place; none: the best times alone. */
  drafts?: readonly PlanDraft[];
  /** Posts already scheduled or published in the planning window. */
  busy?: BusyPost[];
  now: Date;
  plan?: Omit<PlanConstraints, 'now' | 'busy'>;
  bestTimes?: Omit<BestTimesOptions, 'accountId' | 'timeZone' | 'now' | 'platform'>;
}

export interface SmartScheduleResult {
  accounts: AccountBestTimes[];
  plan: SchedulePlan | null;
}

/**
 * The smart scheduler's entry for the agent pipeline (task `schedule.optimize`): each account's
 * best times with evidence and backtest, and, when drafts are given, the plan placing them.
 * Applying the plan (setting the drafts' times) is the caller's: each planned post carries the
 * `{ localTime, timeZone }` the scheduler takes.
 */
export function smartSchedule(input: SmartScheduleInput): SmartScheduleResult {
  const accounts = input.accounts.map((account) =>
    bestTimes(input.outcomes, { ...input.bestTimes, ...account, now: input.now }),
  );
  const plan =
    input.drafts && input.drafts.length > 0
      ? planSchedule(input.drafts, accounts, { ...input.plan, now: input.now, busy: input.busy })
      : null;
  return { accounts, plan };
}
