import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon';

/** Placeholder until sign-in exists: says so, and offers the one thing that works today. */
export function UserMenu() {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-1 rounded-full p-0.5 text-slate-500 hover:text-slate-700"
      >
        <span className="flex size-8 items-center justify-center rounded-full bg-slate-100 ring-1 ring-slate-200">
          <Icon name="user" className="size-[18px]" />
        </span>
        <Icon name="chevronDown" className="size-4" />
        <span className="sr-only">Account menu</span>
      </button>
      {open ? (
        <div
          id={panelId}
          className="absolute right-0 z-50 mt-2 w-72 rounded-xl border border-slate-200 bg-white p-1.5 text-sm shadow-lg"
        >
          <div className="px-3 py-2.5">
            <p className="font-medium text-slate-900">Not signed in</p>
            <p className="mt-1 text-slate-500">
              Accounts, profiles and sign-out arrive with the Identity milestone.
            </p>
          </div>
          <div className="my-1 border-t border-slate-100" />
          <Link
            to="/settings"
            onClick={() => setOpen(false)}
            className="flex items-center gap-2.5 rounded-lg px-3 py-2 text-slate-700 hover:bg-slate-50"
          >
            <Icon name="settings" className="size-4 text-slate-400" />
            Settings
          </Link>
        </div>
      ) : null}
    </div>
  );
}
