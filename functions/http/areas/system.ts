import { createAreaHandler } from '../area-handler';
import { getApiReference, getHealth, getOpenApiDocument } from '../operations/system';

export const handler = createAreaHandler('system', { getHealth, getOpenApiDocument, getApiReference });
