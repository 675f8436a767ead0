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

export type { RouteContract } from './contract';

/** Every route's contract by route name; a route without one takes no input. */
export const CONTRACTS: Readonly<Record<string, RouteContract>> = {
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
};
