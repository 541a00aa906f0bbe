/** Going back to a page: the place where it was left, found again once the page is drawn. */
/** Where a page was left: its scroll position and, when a link was followed, where that link was on screen. */
export interface Place {
  scrollY: number;
  link?: string;
  linkTop?: number;
}

/**
 * Keeps where the page was left in its history entry's state when a link is followed (the click
 * comes before the address changes): the scroll position and where the link was on screen. Other
 * clicks leave the entry alone.
 * Returns what stops it.
 */
export function keepPlace(): () => void {
  const clicked = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
    // Only a link changes the page; writing the history entry costs a few milliseconds, too much
    // for every tap on a quiz option.
    if (!link) return;
    const place: Place = {
      scrollY,
      link: link.getAttribute('href') ?? undefined,
      linkTop: link.getBoundingClientRect().top,
    };
    history.replaceState({ ...history.state, place }, '');
  };
  addEventListener('click', clicked, true);
  return () => removeEventListener('click', clicked, true);
}

/**
 * Returns to `place` once the page is drawn: the followed link back where it was on screen (the
 * page may have changed above it, a lesson now marked as started), or else the same scroll
 * position. Tries again while the page's content loads, for up to 5 s, unless the learner scrolls.
 */
export function returnTo(place: Place): void {
  const until = performance.now() + 5000;
  let moved = false;
  const inputs = ['wheel', 'touchstart', 'keydown'] as const;
  const stop = () => {
    moved = true;
  };
  for (const input of inputs) addEventListener(input, stop, { once: true, passive: true });
  // Parts of the page below and above are drawn only as they come near, and change size when they
  // are: done once the place has held for ten frames.
  let held = 0;
  const step = () => {
    const link = place.link
      ? [...document.querySelectorAll('main a')].find((a) => a.getAttribute('href') === place.link)
      : undefined;
    const target =
      link && place.linkTop !== undefined
        ? scrollY + link.getBoundingClientRect().top - place.linkTop
        : place.scrollY;
    if (Math.abs(scrollY - target) <= 1 && (link || !place.link)) held++;
    else held = 0;
    if (!moved) scrollTo({ top: target, behavior: 'instant' });
    if (!moved && held < 10 && performance.now() < until) requestAnimationFrame(step);
    else for (const input of inputs) removeEventListener(input, stop);
  };
  requestAnimationFrame(step);
}
