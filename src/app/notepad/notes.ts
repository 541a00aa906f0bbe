/**
 * The notepad's notes, kept in the progress store as one setting: encrypted at rest like progress,
 * erased with it, and never in a progress file (only known settings travel, see progress-file.ts).
 */
import { progressStore } from '../progress';

/** One note: its text and when it was last saved. */
export interface Note {
  id: string;
  text: string;
  savedAt: number;
}

const NOTES_SETTING = 'notepad.notes';

function isNote(value: unknown): value is Note {
  const note = value as Note;
  return typeof note?.id === 'string' && typeof note.text === 'string' && typeof note.savedAt === 'number';
}

/** The notes kept on this phone, newest first. */
export async function loadNotes(): Promise<Note[]> {
  const store = await progressStore();
  const value = await store.getSetting(NOTES_SETTING).catch(() => undefined);
  return Array.isArray(value) ? value.filter(isNote).sort((a, b) => b.savedAt - a.savedAt) : [];
}

/** Keeps `notes` in place of those kept before. */
export async function saveNotes(notes: readonly Note[]): Promise<void> {
  const store = await progressStore();
  await store.setSetting(NOTES_SETTING, notes);
}

/** `notes` with `text` saved: as note `id` if given, else as a new note. */
export function withNote(notes: readonly Note[], text: string, id: string | null, now = Date.now()): Note[] {
  const saved: Note = {
    id: id ?? `${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    text,
    savedAt: now,
  };
  return [saved, ...notes.filter((note) => note.id !== saved.id)];
}
