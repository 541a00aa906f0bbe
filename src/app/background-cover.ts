/**
 * When the app goes to the background (another app, the home screen, the phone locked), its page
 * is covered by the app's name alone (styles.css, `#app[inert]`), so that the phone's list of open
 * apps shows no lesson. While covered the page is inert, out of reach of the keyboard and of
 * screen readers; shown again, it gets back the focus it had.
 */
export function coverInBackground(root: HTMLElement): void {
  let focused: Element | null;
  const cover = (hidden: boolean) => {
    if (hidden === root.inert) return;
    if (hidden) focused = document.activeElement;
    root.inert = hidden;
    if (!hidden) (focused as HTMLElement | null)?.focus({ preventScroll: true });
  };
  const follow = () => cover(document.visibilityState === 'hidden');
  document.addEventListener('visibilitychange', follow);
  addEventListener('pagehide', () => cover(true));
  addEventListener('pageshow', follow);
}
