/**
 * The header of every page. On a small phone or at a large text size it takes several rows: all
 * but the last scroll away with the page, and the last, with Erase and Quick exit, stays at the
 * top of the screen, so that the way out is always one tap away.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function AppBar({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = ref.current;
    const safety = bar?.querySelector<HTMLElement>('.safety');
    if (!bar || !safety) return;
    // Measured again whenever the header changes: text size, language, a font arriving, a turned phone.
    const observer = new ResizeObserver(() => {
      const hidden = Math.max(0, safety.offsetTop - 4);
      // styles.css: how far the header scrolls before it stays, and the room it then takes.
      const root = document.documentElement.style;
      root.setProperty('--bar-hidden', `${-hidden}px`);
      root.setProperty('--bar', `${bar.offsetHeight - hidden}px`);
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return (
    <header class="app-bar" ref={ref}>
      {children}
    </header>
  );
}
