// First: the schemas below are built when their modules load, and read this setting then.
import './zod-config';
import type { z } from 'zod';
import { authContracts } from '../../../functions/shared/contracts/auth';
import type { RouteContract } from '../../../functions/shared/contracts/contract';
import { organizationContracts } from '../../../functions/shared/contracts/organizations';
import { userContracts } from '../../../functions/shared/contracts/users';

/**
 * The request schemas the API validates with, shared as they are: a form and the server can
 * never disagree about what is valid (except password strength, which only the server judges).
 */
function bodyOf(contracts: Record<string, RouteContract>, name: string): z.ZodType {
  const body = contracts[name]?.body;
  if (!body) throw new Error(`The ${name} contract has no request body.`);
  return body;
}

export const REQUEST_SCHEMAS = {
  register: bodyOf(authContracts, 'register'),
  login: bodyOf(authContracts, 'login'),
  forgotPassword: bodyOf(authContracts, 'forgotPassword'),
  resetPassword: bodyOf(authContracts, 'resetPassword'),
  acceptInvitation: bodyOf(organizationContracts, 'acceptInvitation'),
  updateProfile: bodyOf(userContracts, 'updateProfile'),
  deleteAccount: bodyOf(userContracts, 'deleteAccount'),
  updateOrganization: bodyOf(organizationContracts, 'updateOrganization'),
  inviteMember: bodyOf(organizationContracts, 'inviteMember'),
  createApiKey: bodyOf(organizationContracts, 'createApiKey'),
} as const;

export { newPassword } from '../../../functions/shared/contracts/common';
export { API_KEY_SCOPES } from '../../../functions/shared/contracts/organizations';
