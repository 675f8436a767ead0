import { createAreaHandler } from '../area-handler';
import { userContracts } from '../../shared/contracts/users';
import { getDataExport, requestDataExport } from '../operations/users/data-export';
import { deleteAccount, getProfile, updateProfile } from '../operations/users/profile';
import { listSessions, revokeSession } from '../operations/users/sessions';

export const handler = createAreaHandler('users', userContracts, {
  getProfile,
  updateProfile,
  deleteAccount,
  listSessions,
  revokeSession,
  requestDataExport,
  getDataExport,
});
