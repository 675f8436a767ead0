import type { Area } from '../../shared/route-table';
import { handler as admin } from './admin';
import { handler as aiAgents } from './ai-agents';
import { handler as analytics } from './analytics';
import { handler as auth } from './auth';
import { handler as integrations } from './integrations';
import { handler as media } from './media';
import { handler as notifications } from './notifications';
import { handler as organizations } from './organizations';
import { handler as posts } from './posts';
import { handler as sandbox } from './sandbox';
import { handler as socialAccounts } from './social-accounts';
import { handler as system } from './system';
import { handler as users } from './users';
import { handler as webhooks } from './webhooks';

/** Every area's Lambda handler, for the local runtime (in AWS each is its own function). */
export const AREA_HANDLERS: Record<Area, typeof system> = {
  system,
  auth,
  users,
  organizations,
  'social-accounts': socialAccounts,
  posts,
  'ai-agents': aiAgents,
  analytics,
  media,
  notifications,
  webhooks,
  integrations,
  admin,
  sandbox,
};
