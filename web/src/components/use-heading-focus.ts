import { useEffect, type RefObject } from 'react';

/**
 * After the first page, each navigation moves focus to the new page's heading so screen
 * reader and keyboard users land on the content, as they would on a full page load. One
 * flag for the whole dashboard: signing in and landing on the overview is a navigation too.
 */
let firstPageShown = false;

export function useHeadingFocus(heading: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, [heading]);
}
