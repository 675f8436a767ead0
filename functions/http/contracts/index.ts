import { authContracts } from './auth';
import type { RouteContract } from './contract';
import { organizationContracts } from './organizations';
import { systemContracts } from './system';
import { userContracts } from './users';

export type { RouteContract } from './contract';

/** Every route's contract by route name; a route without one takes no input. */
export const CONTRACTS: Readonly<Record<string, RouteContract>> = {
  ...systemContracts,
  ...authContracts,
  ...userContracts,
  ...organizationContracts,
};
