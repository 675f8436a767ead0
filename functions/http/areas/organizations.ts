import { createAreaHandler } from '../area-handler';
import { organizationContracts } from '../../shared/contracts/organizations';
import { createApiKey, listApiKeys, revokeApiKey } from '../operations/organizations/api-keys';
import { acceptInvitation, getInvitation } from '../operations/organizations/invitations';
import {
  inviteMember,
  listMembers,
  removeMember,
  revokeInvitation,
  updateMemberRole,
} from '../operations/organizations/members';
import { getOrganization, updateOrganization } from '../operations/organizations/organization';

// Subscription routes belong to the billing milestone and answer 501 until then.
export const handler = createAreaHandler('organizations', organizationContracts, {
  getOrganization,
  updateOrganization,
  listMembers,
  inviteMember,
  revokeInvitation,
  removeMember,
  updateMemberRole,
  getInvitation,
  acceptInvitation,
  listApiKeys,
  createApiKey,
  revokeApiKey,
});
