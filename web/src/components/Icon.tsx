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
  alert: (
    <>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 6.5v4M10 13.5h.01" />
    </>
  ),
  info: (
    <>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 9.25v4.25M10 6.5h.01" />
    </>
  ),
  eye: (
    <>
      <path d="M2.75 10S5.5 4.75 10 4.75 17.25 10 17.25 10 14.5 15.25 10 15.25 2.75 10 2.75 10z" />
      <circle cx="10" cy="10" r="2.25" />
    </>
  ),
  eyeOff: (
    <path d="M3.5 3.5l13 13M8.4 5c.5-.15 1.05-.25 1.6-.25 4.5 0 7.25 5.25 7.25 5.25a13 13 0 0 1-2 2.6M12 14.85c-.6.25-1.3.4-2 .4-4.5 0-7.25-5.25-7.25-5.25a13 13 0 0 1 2.4-3M8.5 8.5a2.25 2.25 0 0 0 3 3" />
  ),
  copy: (
    <>
      <rect x="7" y="7" width="9.5" height="9.5" rx="1.5" />
      <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
    </>
  ),
  trash: <path d="M4 6h12M8 6V4.5h4V6M5.5 6l.75 10h7.5l.75-10M8.5 9v4.5M11.5 9v4.5" />,
  logout: (
    <path d="M8 16.5H5a1.5 1.5 0 0 1-1.5-1.5V5A1.5 1.5 0 0 1 5 3.5h3M13 13.5 16.5 10 13 6.5M16.5 10H8" />
  ),
  key: (
    <>
      <circle cx="6.75" cy="13.25" r="3.25" />
      <path d="m9 11 7-7M13.5 6.5l2 2M11.75 8.25l1.5 1.5" />
    </>
  ),
  mail: (
    <>
      <rect x="2.75" y="4.5" width="14.5" height="11" rx="2" />
      <path d="m3.5 5.5 6.5 5 6.5-5" />
    </>
  ),
  download: <path d="M10 3.5v9M6.25 9 10 12.75 13.75 9M4 16.5h12" />,
  plus: <path d="M10 4.5v11M4.5 10h11" />,
  device: (
    <>
      <rect x="2.75" y="4" width="14.5" height="9.5" rx="1.5" />
      <path d="M7 16.5h6M10 13.5v3" />
    </>
  ),
  phone: (
    <>
      <rect x="6" y="2.75" width="8" height="14.5" rx="1.75" />
      <path d="M9.25 14.5h1.5" />
    </>
  ),
  lock: (
    <>
      <rect x="4.25" y="8.75" width="11.5" height="8" rx="1.5" />
      <path d="M6.75 8.75V6.5a3.25 3.25 0 0 1 6.5 0v2.25" />
    </>
  ),
  shield: <path d="M10 3 16 5.5v4.25c0 3.75-2.5 6.25-6 7.25-3.5-1-6-3.5-6-7.25V5.5z" />,
  selector: <path d="m6.5 7.5 3.5-3.5 3.5 3.5M6.5 12.5l3.5 3.5 3.5-3.5" />,
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
