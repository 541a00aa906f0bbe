/**
 * The address to share: where this page was opened, except on the workshop laptop itself, where
 * that is `127.0.0.1` (no phone can open it) and the workshop server tells the page its address on
 * the room's network. Opened from a file there is no address to share at all.
 */

/** Where the workshop server answers a page on the laptop itself (see src/tools/workshop-server.ts). */
const ADDRESSES = '/workshop-addresses.json';
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/** True when the app was opened as a file (the single-file app), not from a web address. */
export function openedFromFile(): boolean {
  return location.protocol === 'file:';
}

/** The address phones should open for `locale`, or null when opened from a file. */
export async function shareAddress(locale: string): Promise<string | null> {
  if (openedFromFile()) return null;
  const here = `${location.origin}${location.pathname}#/${locale}/`;
  if (!LOOPBACK.test(location.hostname)) return here;
  try {
    // Same origin only: no other site can read it, and on another server it is simply missing.
    const response = await fetch(ADDRESSES, { cache: 'no-store' });
    const { urls } = (await response.json()) as { urls?: unknown };
    const first = Array.isArray(urls)
      ? urls.find((url) => typeof url === 'string' && /^http:\/\//.test(url))
      : undefined;
    return first ? `${first}#/${locale}/` : here;
  } catch {
    return here;
  }
}
