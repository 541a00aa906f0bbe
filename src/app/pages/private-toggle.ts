/** Turning the private session on (progress erased, then kept in memory) or off (kept from then on). */
import { deleteProgressDatabase } from '../../storage';
import { setPrivateSessionFlag } from '../private-session';
import { closeProgressStore, progressChanged, progressStore, storageStatus } from '../progress';

/** Switches the session; resolves to false when the choice could not be recorded. */
export async function setPrivateSession(on: boolean): Promise<boolean> {
  const before = await (await progressStore()).snapshot();
  await closeProgressStore();
  if (!setPrivateSessionFlag(on)) return false;
  if (on) await deleteProgressDatabase();
  else storageStatus.set(null);
  // On: only the language and appearance chosen stay, for this session. Off: all of it is saved.
  await (await progressStore()).replaceAll(
    on ? { answers: [], lessons: [], checklist: [], reviews: [], settings: before.settings } : before,
  );
  progressChanged();
  return true;
}
