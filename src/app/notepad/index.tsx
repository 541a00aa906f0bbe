/**
 * The notepad a disguise opens on (site profiles with `disguise:`): a working notes app, and the
 * way into the lessons is saving a note that is only the code word. Loaded only by such builds.
 * `showNotepad` is the one entry; `opens` lets another way in (an app lock's PIN) take the code
 * word's place.
 */
import { render } from 'preact';
import { loadPageStrings } from '../../i18n';
import { codeWord, isCodeWord } from './code-word';
import { Notepad } from './Notepad';

/** Shows the notepad in `root`; resolves, with the notepad gone, when the lessons are to open. */
export async function showNotepad(
  root: HTMLElement,
  locale: string,
  opens: (text: string) => Promise<boolean> = async (text) => isCodeWord(text, await codeWord()),
): Promise<void> {
  await loadPageStrings();
  return new Promise((resolve) => {
    const onOpen = () => {
      render(null, root);
      resolve();
    };
    render(<Notepad locale={locale} opens={opens} onOpen={onOpen} />, root);
  });
}
