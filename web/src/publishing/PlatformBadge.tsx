import { PLATFORM_LOOK, type Platform } from './platforms';

/** A network's mark: a small coloured square with its initials, named for screen readers. */
export function PlatformBadge({ platform, size = 'sm' }: { platform: Platform; size?: 'sm' | 'md' }) {
  const look = PLATFORM_LOOK[platform];
  const box = size === 'md' ? 'h-8 w-8 text-xs' : 'h-5 w-5 text-[10px]';
  return (
    <span
      role="img"
      aria-label={look.name}
      title={look.name}
      className={`inline-flex shrink-0 items-center justify-center rounded-md font-bold text-white ${box}`}
      style={{ backgroundColor: look.colour }}
    >
      {look.short}
    </span>
  );
}
