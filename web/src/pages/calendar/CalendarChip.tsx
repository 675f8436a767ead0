import { Link } from 'react-router';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { STATUS_LOOK } from '../../publishing/statuses';
import type { BadgeTone } from '../../components/Badge';
import { DRAG_TYPE } from './drop-target';
import { firstWords, whyNotMovable, type CalendarItem } from './calendar-entries';
import { formatMinutes } from '../../lib/zoned-time';

/** A chip's colours per status tone (the same tones as StatusBadge). */
const CHIP_TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-50 ring-slate-200',
  brand: 'bg-indigo-50 ring-indigo-200',
  success: 'bg-emerald-50 ring-emerald-200',
  warning: 'bg-amber-50 ring-amber-200',
  danger: 'bg-rose-50 ring-rose-200',
};

/**
 * One post on the calendar: its time, networks, status colour and first words, linking to
 * the post. Movable ones drag (and have "Move to…" for the keyboard); the others say why not.
 */
export function CalendarChip({
  item,
  canMove,
  onDragStart,
  onDragEnd,
  onMoveTo,
}: {
  item: CalendarItem;
  /** The viewer may reschedule posts at all (role user and above). */
  canMove: boolean;
  onDragStart: (item: CalendarItem) => void;
  onDragEnd: () => void;
  onMoveTo: (item: CalendarItem) => void;
}) {
  const look = STATUS_LOOK[item.status];
  const words = firstWords(item.title ?? item.excerpt) || 'Untitled post';
  const movable = canMove && item.movable;
  const why = !canMove ? 'Viewers cannot reschedule posts.' : whyNotMovable(item.status);
  return (
    <div
      data-calendar-item={item.postId}
      data-status={item.status}
      data-movable={movable}
      draggable={movable}
      title={movable ? `${look.label}. Drag to another time to reschedule.` : `${look.label}. ${why ?? ''}`}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, item.key);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(item);
      }}
      onDragEnd={onDragEnd}
      className={`group flex w-full min-w-0 items-start gap-1 rounded-md px-1.5 py-1 text-xs ring-1 ring-inset ${CHIP_TONES[look.tone]} ${movable ? 'cursor-grab active:cursor-grabbing' : 'cursor-default'}`}
    >
      <Link
        to={`/posts/${item.postId}`}
        // A movable chip drags from anywhere, its link included (dragstart bubbles to the
        // chip); a fixed one must not drag its link either, or it would look movable.
        draggable={movable ? undefined : false}
        className="flex min-w-0 flex-1 flex-col gap-0.5 rounded-sm text-slate-800 hover:text-slate-950"
      >
        <span className="flex min-w-0 items-center gap-1">
          <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${look.dot}`} />
          <span className="font-semibold tabular-nums">{formatMinutes(item.wall.minutes)}</span>
          <span className="sr-only">{look.label}:</span>
          <span className="flex shrink-0 gap-0.5">
            {item.platforms.map((platform) => (
              <PlatformBadge key={platform} platform={platform} />
            ))}
          </span>
        </span>
        <span className="truncate">{words}</span>
        {!movable && why ? <span className="sr-only">{why}</span> : null}
      </Link>
      {movable ? (
        <button
          type="button"
          onClick={() => onMoveTo(item)}
          aria-label={`Move “${words}” to…`}
          title="Move to…"
          className="shrink-0 rounded px-1 leading-4 font-bold text-slate-500 hover:bg-white hover:text-slate-900"
        >
          <span aria-hidden="true">⋯</span>
        </button>
      ) : null}
    </div>
  );
}
