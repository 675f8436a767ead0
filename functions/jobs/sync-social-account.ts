import * as z from 'zod';
import type { BackgroundJob } from './background-jobs';
import { syncSocialAccount } from '../core/social-accounts/sync-account';

const message = z.object({ organizationId: z.uuid(), accountId: z.uuid() });

/** `{type: 'sync-social-account', organizationId, accountId}`: profile limits, quota and recent metrics. */
export const syncSocialAccountJob: BackgroundJob = async (body, container) => {
  await syncSocialAccount(container, message.parse(body));
};
