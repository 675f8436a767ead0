/**
 * Days an export's file is kept in the object store: the bucket's lifecycle rule for the
 * `exports/` prefix (lib/media-storage.ts) deletes it then, and the reports list says so.
 */
export const EXPORT_FILE_DAYS = 7;
