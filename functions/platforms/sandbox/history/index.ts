export { seedSandboxHistory, DROP_FACTOR, type HistoryPorts, type SeededHistory } from './generate-history';
export type { HistoryGroundTruth, GroundTruthAccount, HistoryCounts } from './ground-truth';
export { HISTORY_DEFAULTS, HistoryOptionsError, checkHistoryOptions, type HistoryOptions } from './options';
