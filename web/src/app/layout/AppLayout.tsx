import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LiveInvalidation } from '../../publishing/LiveInvalidation';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { VerifyEmailBanner } from './VerifyEmailBanner';

export function AppLayout() {
  const [navOpen, setNavOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const closeNav = useCallback(() => setNavOpen(false), []);
  // Closing the drawer from the keyboard hands focus back to the menu button. That must wait
  // for the render that lifts `inert` from the page, or focus() is silently refused.
  const focusMenuAfterClose = useRef(false);
  const closeNavToMenu = useCallback(() => {
    focusMenuAfterClose.current = true;
    setNavOpen(false);
  }, []);

  // Any navigation (a link, back, forward) closes the drawer on small screens.
  useEffect(() => setNavOpen(false), [pathname]);

  // Growing the window to the fixed-sidebar layout ends drawer mode.
  useEffect(() => {
    const wide = window.matchMedia('(min-width: 64rem)');
    const onChange = () => wide.matches && setNavOpen(false);
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    if (!navOpen) {
      if (focusMenuAfterClose.current) menuButton.current?.focus();
      focusMenuAfterClose.current = false;
      return;
    }
    // Move focus into the drawer so keyboard users start at the first link.
    document.querySelector<HTMLElement>('#sidebar nav a')?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeNavToMenu();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navOpen, closeNavToMenu]);

  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-[60] focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
      >
        Skip to content
      </a>
      <LiveInvalidation />
      <Sidebar open={navOpen} onNavigate={closeNav} onClose={closeNavToMenu} />
      {navOpen ? (
        <div className="fixed inset-0 z-40 bg-slate-900/30 lg:hidden" aria-hidden="true" onClick={closeNav} />
      ) : null}
      {/* While the drawer is open the page behind it is inert: no focus, no clicks. */}
      <div className="lg:pl-64" inert={navOpen}>
        <TopBar
          navOpen={navOpen}
          onToggleNav={() => setNavOpen((open) => !open)}
          menuButtonRef={menuButton}
        />
        <VerifyEmailBanner />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}

function PageLoading() {
  return (
    <div role="status" className="animate-pulse space-y-4" aria-label="Loading page">
      <div className="h-7 w-48 rounded-md bg-slate-200" />
      <div className="h-4 w-96 max-w-full rounded-md bg-slate-200" />
    </div>
  );
}
