/**
 * The smart scheduler's core (README "Smart scheduler (best time)"): pure functions over
 * post outcomes, no I/O. `smartSchedule` is the pipeline's entry; the parts are exported for
 * the composer's "Best time", tests and the benchmark.
 */
export { smartSchedule, type SmartScheduleInput, type SmartScheduleResult } from './smart-schedule';
export {
  bestTimes,
  type AccountBestTimes,
  type BestTimesOptions,
  type RankedSlot,
  type SlotBasis,
} from './best-times';
export {
  planSchedule,
  PLAN_DEFAULTS,
  type PlanConstraints,
  type PlanDraft,
  type PlannedPost,
  type SchedulePlan,
} from './plan-schedule';
export { backtestBestTimes, type BacktestOptions, type BacktestResult } from './backtest';
export { NETWORK_PRIORS } from './network-priors';
export { localSlot, slotLabel, type WeeklySlot } from './local-slot';
export { smartScheduleResult, accountBestTimes, schedulePlan } from './result';
