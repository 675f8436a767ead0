import type { CalendarItem } from './calendar-entries';
import type { PlainDate } from '../../lib/plain-date';

/** What the month and time-grid views share. */
export interface CalendarViewProps {
  days: PlainDate[];
  items: CalendarItem[];
  today: PlainDate;
  nowMs: number;
  timeZone: string;
  /** The viewer may compose and reschedule (role user and above). */
  canEdit: boolean;
  dragging: CalendarItem | null;
  onDragStart: (item: CalendarItem) => void;
  onDragEnd: () => void;
  onMoveTo: (item: CalendarItem) => void;
  /** A chip was dropped on a day (`minutes` null: keep its time) or a slot. */
  onDrop: (date: PlainDate, minutes: number | null) => void;
}
