import { createAreaHandler } from '../area-handler';
import { socialAccountsContracts } from '../../shared/contracts/social-accounts';
import {
  disconnectSocialAccount,
  listSocialAccounts,
  updateSocialAccount,
} from '../operations/social-accounts/accounts';
import { completeSocialAccountConnection } from '../operations/social-accounts/callback';
import { connectSocialAccount } from '../operations/social-accounts/connect';
import { getSocialAccountInsights, syncSocialAccount } from '../operations/social-accounts/sync-and-insights';

export const handler = createAreaHandler('social-accounts', socialAccountsContracts, {
  listSocialAccounts,
  connectSocialAccount,
  completeSocialAccountConnection,
  updateSocialAccount,
  disconnectSocialAccount,
  syncSocialAccount,
  getSocialAccountInsights,
});
