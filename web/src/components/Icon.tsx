import type { ReactElement } from 'react';

/** Plume's small outline icon set, drawn on a 20×20 grid with the current text colour. */
const PATHS = {
  overview: <path d="M3.5 9 10 3.75 16.5 9v6.75a1 1 0 0 1-1 1h-3.25V12.5h-4.5v4.25H4.5a1 1 0 0 1-1-1z" />,
  calendar: (
    <>
      <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
      <path d="M3 8.5h14M7 3v3M13 3v3" />
    </>
  ),
  posts: (
    <>
      <rect x="4" y="3" width="12" height="14" rx="2" />
      <path d="M7 7.25h6M7 10.25h6M7 13.25h3.5" />
    </>
  ),
  compose: <path d="M12.75 4.25 15.75 7.25 8 15l-4 1 1-4zM11 6l3 3" />,
  media: (
    <>
      <rect x="3" y="4" width="14" height="12" rx="2" />
      <circle cx="7.5" cy="8.25" r="1.5" />
      <path d="m3.5 14 4-3.75 3 2.75 2-1.75 4 3.25" />
    </>
  ),
  analytics: <path d="M3.5 16.5h13M6 13.5v-3M10 13.5v-8M14 13.5V8" />,
  agents: (
    <path d="M9 3.5 10.4 7.6 14.5 9 10.4 10.4 9 14.5 7.6 10.4 3.5 9l4.1-1.4zM14.75 12.75l.6 1.65 1.65.6-1.65.6-.6 1.65-.6-1.65-1.65-.6 1.65-.6z" />
  ),
  notifications: (
    <path d="M10 3.25a4.5 4.5 0 0 0-4.5 4.5c0 3.75-1.75 5.25-1.75 5.25h12.5s-1.75-1.5-1.75-5.25A4.5 4.5 0 0 0 10 3.25zM8.5 15.75a1.5 1.5 0 0 0 3 0" />
  ),
  accounts: (
    <>
      <circle cx="5.75" cy="10" r="2" />
      <circle cx="14.25" cy="5.25" r="2" />
      <circle cx="14.25" cy="14.75" r="2" />
      <path d="m7.5 9 5-2.75M7.5 11l5 2.75" />
    </>
  ),
  team: (
    <>
      <circle cx="8" cy="7" r="2.75" />
      <path d="M3 16.25c0-2.75 2.25-4.75 5-4.75s5 2 5 4.75M13.25 4.6a2.5 2.5 0 0 1 0 4.8M15 11.75c1.25.6 2 2.2 2 4.5" />
    </>
  ),
  settings: (
    <>
      <path d="M3.5 6h13M3.5 14h13" />
      <circle cx="12.5" cy="6" r="1.75" fill="currentColor" />
      <circle cx="7.5" cy="14" r="1.75" fill="currentColor" />
    </>
  ),
  billing: (
    <>
      <rect x="2.75" y="4.75" width="14.5" height="10.5" rx="2" />
      <path d="M2.75 8.5h14.5M5.75 12.25h3" />
    </>
  ),
  admin: <path d="M10 3 16 5.5v4.25c0 3.75-2.5 6.25-6 7.25-3.5-1-6-3.5-6-7.25V5.5zM7.75 10l1.6 1.6 3-3.2" />,
  menu: <path d="M3.5 5.75h13M3.5 10h13M3.5 14.25h13" />,
  close: <path d="m5.5 5.5 9 9M14.5 5.5l-9 9" />,
  chevronDown: <path d="m6 8 4 4 4-4" />,
  user: (
    <>
      <circle cx="10" cy="7.25" r="3" />
      <path d="M4.5 16.5c.75-2.75 2.9-4.25 5.5-4.25s4.75 1.5 5.5 4.25" />
    </>
  ),
  building: (
    <>
      <rect x="4" y="3" width="12" height="14" rx="1.5" />
      <path d="M7.5 6.5h1M11.5 6.5h1M7.5 9.5h1M11.5 9.5h1M8.5 17v-3.5h3V17" />
    </>
  ),
  external: (
    <path d="M11.5 3.5h5v5M16.5 3.5 9.5 10.5M14.5 11.5v4a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h4" />
  ),
  refresh: <path d="M16 10a6 6 0 1 1-1.76-4.24M16 3.75v3.5h-3.5" />,
  check: <path d="m4.5 10.5 3.5 3.5 7.5-8" />,
  clock: (
    <>
      <circle cx="10" cy="10" r="6.75" />
      <path d="M10 6.25V10l2.5 1.75" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className = 'size-5' }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
