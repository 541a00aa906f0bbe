/**
 * Landing on a lesson's section from a search result: the heading comes to rest below the header,
 * takes focus for screen readers, and is briefly highlighted.
 *
 * Scrolling there once is not enough. The blocks of a long lesson are laid out only as they come
 * near the screen (styles.css, content-visibility), so the distance to the heading is an estimate
 * until they are; a smooth scroll to it aims at the estimate and ends screens away. Law notes and
 * fonts arriving also move it. So the heading is put in place at once, then put back each time
 * the page changes size, until the learner scrolls or touches the page.
 */

import type { RefObject } from 'preact';
import { sectionId } from '../../shared/sections';

/** How long the page is watched for changes that move the heading. */
const SETTLE_MS = 10_000;
const INPUTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/** Where a scrolled-to element rests: the page's scroll padding, the room the sticky header takes. */
function restingTop(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingBlockStart) || 0;
}

/** Lands on section `section` of the lesson in `article`, kept in place as the page settles; returns a stop. */
export function landOnSection(section: number, article: RefObject<HTMLElement | null>): () => void {
  const heading = document.getElementById(sectionId(section));
  // Gone already (the learner left the lesson), or no such section: nothing to land on.
  if (!heading || !article.current) return () => {};
  heading.tabIndex = -1;
  // Not the browser's own scroll on focus: it would be smooth, aimed at a distance still estimated.
  heading.focus({ preventScroll: true });
  const place = () => {
    const off = heading.getBoundingClientRect().top - restingTop();
    if (Math.abs(off) >= 1) window.scrollBy({ top: off, behavior: 'instant' });
  };
  place();
  highlight(heading);
  // Called before the browser paints the changed layout, so the heading is never seen elsewhere.
  const observer = new ResizeObserver(place);
  observer.observe(article.current);
  const bar = document.querySelector('.app-bar');
  if (bar) observer.observe(bar);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const input of INPUTS) removeEventListener(input, stop, true);
  };
  const timer = setTimeout(stop, SETTLE_MS);
  for (const input of INPUTS) addEventListener(input, stop, { capture: true, passive: true });
  return stop;
}

/** Marks the heading for its highlight (styles.css, `data-landed`), anew on each landing. */
function highlight(heading: HTMLElement): void {
  delete heading.dataset.landed;
  // A style read between, so that the animation starts again when landing twice on one heading.
  void heading.offsetWidth;
  heading.dataset.landed = '';
  heading.addEventListener('animationend', () => delete heading.dataset.landed, { once: true });
}
