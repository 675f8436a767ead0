import { createAreaHandler } from '../area-handler';
import { mediaContracts } from '../../shared/contracts/media';
import { completeMediaUpload } from '../operations/media/complete-upload';
import { createMediaUpload } from '../operations/media/create-upload';
import { deleteMedia } from '../operations/media/delete-media';
import { getMedia } from '../operations/media/get-media';
import { listMedia } from '../operations/media/list-media';
import { optimizeMedia } from '../operations/media/optimize-media';
import { getStorageUsage } from '../operations/media/storage-usage';
import { updateMedia } from '../operations/media/update-media';

export const handler = createAreaHandler('media', mediaContracts, {
  createMediaUpload,
  completeMediaUpload,
  listMedia,
  getMedia,
  getStorageUsage,
  deleteMedia,
  updateMedia,
  optimizeMedia,
});
