/**
 * "Don't keep my progress on this phone": a private session keeps progress in memory only, gone
 * when the app closes. The choice itself is the one thing kept, as a flag in local storage, so the
 * app can honour it on the next launch; erasing the app removes it too.
 */
import { storageKey } from '../shared/names';

const FLAG = storageKey('private-session', 2);

/** True when the learner asked for progress not to be kept. */
export function privateSession(): boolean {
  try {
    return localStorage.getItem(FLAG) !== null;
  } catch {
    return false;
  }
}

/** Records the choice; false when local storage cannot keep it. */
export function setPrivateSessionFlag(on: boolean): boolean {
  try {
    if (on) localStorage.setItem(FLAG, '1');
    else localStorage.removeItem(FLAG);
    return true;
  } catch {
    return false;
  }
}
