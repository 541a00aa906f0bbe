/**
 * The app inside a frame of another site could be dressed up to trick a learner into pressing its
 * buttons (erasing progress, say). Hosts that send `frame-ancestors` stop that; this check stops it
 * on hosts that send no headers at all, and from a copied file.
 */

/** True when the page is shown inside a frame whose top page is of another origin. */
export function framedByAnotherOrigin(): boolean {
  if (window.top === window.self) return false;
  try {
    // Reading another origin's location throws: that is the answer.
    return window.top?.location.origin !== location.origin;
  } catch {
    return true;
  }
}
