import type { BadgeTone } from '../../components/Badge';
import type { MediaStatus } from './media-filters';

/** How a file's state reads in the library. */
export const MEDIA_STATUS_LOOK: Record<MediaStatus, { label: string; tone: BadgeTone; help: string }> = {
  // Also what a cancelled or abandoned upload leaves: the API keeps the reservation until deleted.
  pending: {
    label: 'Unfinished',
    tone: 'neutral',
    help: 'The upload has not been confirmed; if it was abandoned, delete the file.',
  },
  processing: { label: 'Optimizing', tone: 'warning', help: 'Per-network variants are being made.' },
  ready: { label: 'Ready', tone: 'success', help: 'Ready to use in posts.' },
  failed: { label: 'Refused', tone: 'danger', help: 'The stored file broke the rules; upload it again.' },
};

export const KIND_LABEL = { image: 'Image', gif: 'GIF', video: 'Video' } as const;
