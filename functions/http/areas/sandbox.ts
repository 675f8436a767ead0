import { createAreaHandler } from '../area-handler';
import { sandboxContracts } from '../../shared/contracts/sandbox';
import { getSandboxAccount } from '../operations/sandbox/account';
import { getSandboxFeed } from '../operations/sandbox/feed';

/** Public pages of the built-in Sandbox network (functions/platforms/sandbox). */
export const handler = createAreaHandler('sandbox', sandboxContracts, { getSandboxFeed, getSandboxAccount });
