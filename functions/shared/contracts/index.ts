import { aiAgentsContracts } from './ai-agents';
import { analyticsContracts } from './analytics';
import { authContracts } from './auth';
import type { RouteContract } from './contract';
import { mediaContracts } from './media';
import { notificationsContracts } from './notifications';
import { organizationContracts } from './organizations';
import { postsContracts } from './posts';
import { sandboxContracts } from './sandbox';
import { socialAccountsContracts } from './social-accounts';
import { systemContracts } from './system';
import { userContracts } from './users';
import { webhooksContracts } from './webhooks';
import type { RouteName } from '../route-table';

export type { AreaContracts, RouteContract } from './contract';

const CONTRACTS_BY_NAME = {
  ...systemContracts,
  ...authContracts,
  ...userContracts,
  ...organizationContracts,
  ...socialAccountsContracts,
  ...postsContracts,
  ...mediaContracts,
  ...notificationsContracts,
  ...webhooksContracts,
  ...sandboxContracts,
  ...analyticsContracts,
  ...aiAgentsContracts,
};

/** Every contract with its schemas' own types, by route name: what `Operation<Name>` reads. */
export type ContractsByName = typeof CONTRACTS_BY_NAME;

/** The contract of one route; `{}` (no input, no body) for a route that has none yet. */
export type ContractOf<Name extends RouteName> = Name extends keyof ContractsByName
  ? ContractsByName[Name]
  : Record<never, never>;

/**
 * Every route's contract by route name, for what walks all routes (the OpenAPI document,
 * tests); a route without one takes no input. An area's Lambda imports only its own area's
 * file (contracts/<area>.ts), so its bundle holds no other area's schemas.
 */
export const CONTRACTS: Readonly<Record<string, RouteContract>> = CONTRACTS_BY_NAME;
