import { createAreaHandler } from '../area-handler';
import { getSandboxAccount } from '../operations/sandbox/account';
import { getSandboxFeed } from '../operations/sandbox/feed';

/** Public pages of the built-in Sandbox network (functions/platforms/sandbox). */
export const handler = createAreaHandler('sandbox', { getSandboxFeed, getSandboxAccount });
