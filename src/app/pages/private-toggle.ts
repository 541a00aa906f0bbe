/**
 * Turning the private session on (progress erased, then kept in memory) or off (kept from then on).
 * Each switch writes the choice last but one step: if the app is closed half way, the next launch
 * is private and erases whatever the switch had written, so nothing is kept that was not meant to be.
 */
import { deleteProgressDatabase, openStorage } from '../../storage';
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
    await closeProgressStore();
    await deleteProgressDatabase();
    // Only the language and appearance chosen stay, for this session.
    await (await progressStore()).replaceAll({
      ...before,
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
