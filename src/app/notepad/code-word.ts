/** The code word of a disguise's notepad: what counts as typing it, and where it is kept. */
import site from 'virtual:site';
import { progressStore } from '../progress';

/** Settings key of the code word the learner chose (encrypted with the rest of the settings). */
const CODE_WORD_SETTING = 'notepad.code-word';

/**
 * The form of a text compared with the code word: phone keyboards capitalise a first letter and
 * may add a space, so case, surrounding spaces and Unicode forms do not count.
 */
export function normalCodeWord(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** True when `text`, as saved in a note, is the code word `word` (an empty word never matches). */
export function isCodeWord(text: string, word: string): boolean {
  const wanted = normalCodeWord(word);
  return wanted !== '' && normalCodeWord(text) === wanted;
}

/** The code word in use: the learner's own, else the profile's first one. */
export async function codeWord(): Promise<string> {
  const store = await progressStore();
  const chosen = await store.getSetting(CODE_WORD_SETTING).catch(() => undefined);
  return typeof chosen === 'string' && chosen.trim() ? chosen : (site.notepad?.codeWord ?? '');
}

/** Keeps `word` as the code word from now on. */
export async function setCodeWord(word: string): Promise<void> {
  const store = await progressStore();
  await store.setSetting(CODE_WORD_SETTING, word.trim());
}
