/** The network side of a seeded history (planning, pure); core/sandbox-history writes it. */
export type { HistoryGroundTruth, GroundTruthAccount, HistoryCounts } from './ground-truth';
export { HISTORY_DEFAULTS, HistoryOptionsError, checkHistoryOptions, type HistoryOptions } from './options';
