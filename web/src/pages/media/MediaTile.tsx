import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import type { MediaItem } from '../../publishing/upload-media';
import { formatBytes, formatDimensions, formatDuration } from './format';
import { KIND_LABEL, MEDIA_STATUS_LOOK } from './media-status';
import { MediaThumbnail } from './MediaThumbnail';
import { usageLabel, usageSummary } from './usage-wording';

/** Tiles name this many posts; the details list them all. */
const LINKED_POSTS = 2;

/** One file of the library grid; the whole tile opens its details. */
export function MediaTile({ item, onOpen }: { item: MediaItem; onOpen: (id: string) => void }) {
  const name = item.fileName ?? 'Untitled file';
  const status = MEDIA_STATUS_LOOK[item.status];
  const facts = [
    KIND_LABEL[item.kind],
    formatBytes(item.sizeBytes),
    formatDimensions(item.width, item.height),
    item.kind === 'video' ? formatDuration(item.durationMs) : null,
  ].filter(Boolean);
  return (
    <li
      className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs"
      data-media-id={item.id}
    >
      <button
        type="button"
        onClick={() => onOpen(item.id)}
        aria-label={`Open ${name}`}
        className="block w-full text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <MediaThumbnail item={item} className="aspect-[4/3] w-full" />
      </button>
      <div className="space-y-1.5 p-3 text-sm">
        <p className="truncate font-medium text-slate-900" title={name}>
          {name}
        </p>
        <p className="text-xs text-slate-500">{facts.join(' · ')}</p>
        <div className="flex flex-wrap items-center gap-1.5">
          <span title={status.help}>
            <Badge tone={status.tone}>{status.label}</Badge>
          </span>
          {Object.keys(item.variants).length > 0 ? <Badge tone="brand">Optimized</Badge> : null}
          {item.altText ? null : item.kind !== 'video' ? <Badge tone="warning">No alt text</Badge> : null}
        </div>
        <p className="text-xs text-slate-600">
          {usageSummary(item.usage)}
          {item.usage.length > 0 ? ': ' : null}
          {item.usage.slice(0, LINKED_POSTS).map((use, index) => (
            <span key={use.postId}>
              {index > 0 ? ', ' : null}
              <Link to={`/posts/${use.postId}`} className="font-medium text-brand-700 hover:underline">
                {usageLabel(use)}
              </Link>
            </span>
          ))}
          {item.usage.length > LINKED_POSTS ? ` and ${item.usage.length - LINKED_POSTS} more` : null}
        </p>
      </div>
    </li>
  );
}
