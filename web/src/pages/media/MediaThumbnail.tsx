import type { MediaItem } from '../../publishing/upload-media';
import { formatDuration } from './format';

/** A small preview for a library tile: the optimized thumbnail when there is one. */
export function MediaThumbnail({ item, className = '' }: { item: MediaItem; className?: string }) {
  const box = `relative flex items-center justify-center overflow-hidden bg-slate-100 ${className}`;
  if (item.kind === 'video') {
    const duration = formatDuration(item.durationMs);
    return (
      <div className={`${box} bg-slate-800 text-slate-200`}>
        <VideoIcon />
        <span className="sr-only">Video</span>
        {duration ? (
          <span className="absolute right-1.5 bottom-1.5 rounded bg-slate-900/80 px-1.5 py-0.5 text-[11px] font-medium text-white tabular-nums">
            {duration}
          </span>
        ) : null}
      </div>
    );
  }
  const source = item.variants.thumbnail?.url ?? item.url;
  return (
    <div className={box}>
      {source ? (
        // The alt text is shown beside the tile; the thumbnail itself repeats the name.
        <img src={source} alt="" loading="lazy" className="size-full object-cover" />
      ) : (
        <span className="text-xs text-slate-500">No preview</span>
      )}
      {item.kind === 'gif' ? (
        <span className="absolute right-1.5 bottom-1.5 rounded bg-slate-900/80 px-1.5 py-0.5 text-[11px] font-bold text-white">
          GIF
        </span>
      ) : null}
    </div>
  );
}

function VideoIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      className="size-8"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <rect x="2.5" y="4.5" width="11" height="11" rx="2" />
      <path d="m13.5 8.5 4-2.25v7.5l-4-2.25z" strokeLinejoin="round" />
    </svg>
  );
}
