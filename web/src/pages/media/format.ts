/** How sizes, durations and dimensions of media files read in the library. */

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * Binary units with the names people know (1 MB = 1024 KB), the way the API words its own
 * limits ("At most 4 MB"): one decimal under 10, whole numbers above.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${UNITS[unit]}`;
}

/** "0:07", "3:25", "1:02:03". */
export function formatDuration(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return null;
  const total = Math.round(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** "1200 × 800", or null while the API has not read them (videos, large files). */
export function formatDimensions(width: number | null | undefined, height: number | null | undefined) {
  return width && height ? `${width} × ${height}` : null;
}

/** Share of the quota in use, 0–100, rounded down so 99.9 % never reads as full. */
export function usedPercent(usedBytes: number, quotaBytes: number): number {
  if (quotaBytes <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((usedBytes / quotaBytes) * 1000) / 10));
}

/** The bar turns amber at 80 % and red at 95 %, where an upload may soon be refused. */
export function storageTone(percent: number): 'normal' | 'warning' | 'danger' {
  if (percent >= 95) return 'danger';
  if (percent >= 80) return 'warning';
  return 'normal';
}
