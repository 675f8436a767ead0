import { createAreaHandler } from '../area-handler';

// No operation of this area is built yet: every route answers 501 problem+json naming itself.
export const handler = createAreaHandler('analytics', {}, {});
