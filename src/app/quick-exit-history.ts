/**
 * Quick exit's way out of the tab's history, loaded only when a learner leaves: each page the app
 * opened in this tab is a history entry whose address names a lesson (`#/en/lessons/passwords`).
 */
import { BLANK } from './quick-exit';

/** The tab's history as the Navigation API gives it (not yet in TypeScript's DOM types). */
interface TabHistory {
  currentEntry: { key: string } | null;
  entries(): { key: string; sameDocument: boolean }[];
  traverseTo(key: string): { finished: Promise<unknown> };
}

/**
 * Leaves for a blank page. When this visit opened other pages before this one, the tab first goes
 * back to the first of them, which keeps only the app's address, and the blank page is then added
 * after it, which drops the later entries from the history. When there is nothing to drop, or the
 * browser has no Navigation API, the blank page takes this page's place.
 */
export function leaveHistory(): void {
  const tab = (window as { navigation?: TabHistory }).navigation;
  const entries = tab?.entries() ?? [];
  const first = entries.find((entry) => entry.sameDocument);
  const here = tab?.currentEntry?.key;
  if (!tab || !first || (first.key === here && entries.at(-1)?.key === here)) {
    location.replace(BLANK);
    return;
  }
  // The pages passed on the way are neither drawn nor titled.
  addEventListener('hashchange', (event) => event.stopImmediatePropagation(), true);
  const leave = () => {
    history.replaceState(null, '', location.pathname);
    location.assign(BLANK);
  };
  if (first.key === here) leave();
  else tab.traverseTo(first.key).finished.then(leave, leave);
}
