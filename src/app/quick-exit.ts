/**
 * Quick exit: the app is replaced at once by a blank page, the way a page is left when someone
 * looks over a learner's shoulder. The app's entries in the tab's history go with it where the
 * browser allows (quick-exit-history.ts), and until the app is opened afresh a Back into it (from
 * history or the back-forward cache) leaves again before anything is drawn. Only a neutral flag is
 * kept, in this tab's session storage.
 */
import { storageKey } from '../shared/names';

const LEFT = storageKey('left', 1);
export const BLANK = 'about:blank';

/** Draws nothing more, and remembers for this tab that the app was left. */
function hide(): void {
  try {
    sessionStorage.setItem(LEFT, '1');
  } catch {
    // Without session storage Back can return to the app; leaving still happens.
  }
  document.title = '';
  document.body.replaceChildren();
}

/** Leaves for a blank page, taking the app's pages out of the tab's history where it can. */
export function quickExit(): void {
  hide();
  // Saved on the phone with the rest of the app; should it fail to load, the blank page still comes.
  import('./quick-exit-history').then(
    (history) => history.leaveHistory(),
    () => location.replace(BLANK),
  );
}

/** True (and leaving again) when this page was reached by Back after a quick exit. */
export function leftBefore(): boolean {
  let left = false;
  try {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    if (entry?.type !== 'back_forward') sessionStorage.removeItem(LEFT);
    left = sessionStorage.getItem(LEFT) !== null;
  } catch {
    // No session storage: nothing was kept, so there is nothing to check.
  }
  // This page's entry becomes the blank page: Back goes on past it, never into a loop.
  const again = () => {
    hide();
    location.replace(BLANK);
  };
  if (left) again();
  // A page restored from the back-forward cache runs no script again, only this event.
  addEventListener('pageshow', (event) => {
    if (event.persisted && sessionStorage.getItem(LEFT) !== null) again();
  });
  return left;
}

/** Escape pressed three times within two seconds leaves too (for keyboards and clickers). */
export function exitOnTripleEscape(): void {
  let presses: number[] = [];
  addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    presses = [...presses.filter((at) => event.timeStamp - at < 2000), event.timeStamp];
    if (presses.length >= 3) quickExit();
  });
}
