/**
 * Full screen for presenting: the whole page goes full screen (styles.css then shows the slide
 * alone), so that the app lock and the background cover still draw over it. Escape leaves it, and
 * still counts towards the three presses of Quick exit even when the browser keeps that key.
 */
import { useEffect, useState } from 'preact/hooks';

/** How long after an Escape press a leaving of full screen is taken to be that press's doing. */
const SAME_PRESS_MS = 500;

/** Set while the slides' own button (or leaving the slides) ends full screen: no Escape was pressed. */
let leaving = false;

/** Ends full screen on the app's own account. */
function leave(): void {
  leaving = true;
  void document.exitFullscreen().catch(() => {
    leaving = false;
  });
}

/**
 * Whether the page is full screen, and what turns it on or off. Leaving the slides keeps full
 * screen: the page around them (header, Quick exit) comes back in it, and the next lesson can follow.
 */
export function useFullScreen(): [boolean, () => void] {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    let lastEscape = Number.NEGATIVE_INFINITY;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      lastEscape = performance.now();
      if (document.fullscreenElement) void document.exitFullscreen();
    };
    const onChange = () => {
      const now = document.fullscreenElement !== null;
      setFull(now);
      if (now || leaving) {
        leaving = false;
        return;
      }
      // Browsers leave full screen on Escape themselves and keep the key from the page: that press
      // is passed on, so that Escape three times (quick-exit.ts) still leaves the app from a projector.
      if (performance.now() - lastEscape > SAME_PRESS_MS)
        dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    };
    addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, []);
  return [full, toggle];
}

/** Turns full screen on, or off when it is on. */
function toggle(): void {
  if (document.fullscreenElement) leave();
  // Refused (no full screen on this browser, or in a frame): the slides go on in the page.
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}
