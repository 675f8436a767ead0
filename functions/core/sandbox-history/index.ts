export {
  seedSandboxHistory,
  DROP_FACTOR,
  type HistoryPorts,
  type SeededHistory,
} from './seed-sandbox-history';
