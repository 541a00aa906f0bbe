/**
 * Turning the private session on (progress erased, then kept in memory) or off (kept from then on).
 * On, the choice is recorded first; off, the progress is written first and the choice last. Either
 * way, if the app is closed half way, the next launch is private and erases what the switch wrote.
 */
import { openStorage } from '../../storage';
import { SAVED_SUMMARIES_SETTING } from '../../storage/saved-summaries';
import { setPrivateSessionFlag } from '../private-session';
import {
  closeProgressStore,
  progressChanged,
  progressStore,
  replaceProgressStore,
  storageStatus,
} from '../progress';

/** Switches the session; resolves to false, changing nothing, when the choice could not be kept. */
export async function setPrivateSession(on: boolean): Promise<boolean> {
  const before = await (await progressStore()).snapshot();
  if (on) {
    if (!setPrivateSessionFlag(true)) return false;
    // Opened again, now private, the store erases the database before it starts in memory.
    await closeProgressStore();
    // Only the language and appearance chosen stay, for this session: saved Help now summaries
    // are erased with the progress, not kept in memory to be written back when it ends.
    await (await progressStore()).replaceAll({
      ...before,
      settings: before.settings.filter(([key]) => key !== SAVED_SUMMARIES_SETTING),
      answers: [],
      lessons: [],
      checklist: [],
      reviews: [],
    });
  } else {
    const saved = await openStorage();
    if (saved.mode !== 'idb') return false;
    await saved.store.replaceAll(before);
    if (!setPrivateSessionFlag(false)) {
      saved.close();
      return false;
    }
    await replaceProgressStore(saved);
    storageStatus.set(null);
  }
  progressChanged();
  return true;
}
