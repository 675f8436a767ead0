/**
 * The files being uploaded from this page, one entry per file. A pure reducer so the
 * transitions (progress, done, refused, cancelled) are tested without a browser.
 */
export type UploadState = 'uploading' | 'done' | 'failed' | 'cancelled';

export interface UploadEntry {
  key: string;
  fileName: string;
  sizeBytes: number;
  loaded: number;
  state: UploadState;
  /** Why the file was refused, for `failed`. */
  message?: string;
}

export type UploadAction =
  | { type: 'added'; entries: { key: string; fileName: string; sizeBytes: number }[] }
  | { type: 'progress'; key: string; loaded: number }
  | { type: 'done'; key: string }
  | { type: 'failed'; key: string; message: string }
  | { type: 'cancelled'; key: string }
  | { type: 'dismissed'; key: string }
  | { type: 'cleared' };

function update(entries: UploadEntry[], key: string, change: (entry: UploadEntry) => UploadEntry) {
  return entries.map((entry) => (entry.key === key ? change(entry) : entry));
}

/** Only an upload in flight moves; a late progress event after cancel changes nothing. */
const inFlight =
  (change: (entry: UploadEntry) => UploadEntry) =>
  (entry: UploadEntry): UploadEntry =>
    entry.state === 'uploading' ? change(entry) : entry;

export function uploadQueue(entries: UploadEntry[], action: UploadAction): UploadEntry[] {
  switch (action.type) {
    case 'added':
      return [
        ...entries,
        ...action.entries.map((entry) => ({ ...entry, loaded: 0, state: 'uploading' as const })),
      ];
    case 'progress':
      return update(
        entries,
        action.key,
        inFlight((entry) => ({
          ...entry,
          loaded: Math.min(entry.sizeBytes, Math.max(entry.loaded, action.loaded)),
        })),
      );
    case 'done':
      return update(
        entries,
        action.key,
        inFlight((entry) => ({ ...entry, loaded: entry.sizeBytes, state: 'done' })),
      );
    case 'failed':
      return update(
        entries,
        action.key,
        inFlight((entry) => ({ ...entry, state: 'failed', message: action.message })),
      );
    case 'cancelled':
      return update(
        entries,
        action.key,
        inFlight((entry) => ({ ...entry, state: 'cancelled' })),
      );
    case 'dismissed':
      return entries.filter((entry) => entry.key !== action.key);
    case 'cleared':
      return entries.filter((entry) => entry.state === 'uploading');
  }
}

/** Whole percent sent; a 0-byte file counts as sent once it is done. */
export function uploadPercent(entry: UploadEntry): number {
  if (entry.state === 'done') return 100;
  if (entry.sizeBytes <= 0) return 0;
  return Math.min(100, Math.floor((entry.loaded / entry.sizeBytes) * 100));
}

/** "2 of 3 files uploaded", for the live region. */
export function uploadSummary(entries: readonly UploadEntry[]): string {
  if (entries.length === 0) return '';
  const count = (state: UploadState) => entries.filter((entry) => entry.state === state).length;
  const parts = [`${count('done')} of ${entries.length} ${entries.length === 1 ? 'file' : 'files'} uploaded`];
  if (count('uploading') > 0) parts.push(`${count('uploading')} in progress`);
  if (count('failed') > 0) parts.push(`${count('failed')} refused`);
  if (count('cancelled') > 0) parts.push(`${count('cancelled')} cancelled`);
  return parts.join(', ');
}
