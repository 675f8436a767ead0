import { createAreaHandler } from '../area-handler';
import { systemContracts } from '../../shared/contracts/system';
import { getApiReference, getHealth, getOpenApiDocument } from '../operations/system';

export const handler = createAreaHandler('system', systemContracts, {
  getHealth,
  getOpenApiDocument,
  getApiReference,
});
