/** Above this the bell shows "99+": the exact number stops mattering and would not fit. */
export const BELL_CAP = 99;

/** The number on the bell, or null when there is nothing unread (no badge at all). */
export function bellBadgeText(unread: number): string | null {
  if (!Number.isFinite(unread) || unread <= 0) return null;
  return unread > BELL_CAP ? `${BELL_CAP}+` : String(Math.floor(unread));
}

/** The bell's accessible name: "Notifications, 3 unread"; the exact count even above the cap. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${Math.floor(unread)} unread` : 'Notifications, none unread';
}
