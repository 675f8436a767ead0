import type { RouteContract } from './contract';
import { systemContracts } from './system';

export type { RouteContract } from './contract';

/** Every route's contract by route name; a route without one takes no input. */
export const CONTRACTS: Readonly<Record<string, RouteContract>> = {
  ...systemContracts,
};
