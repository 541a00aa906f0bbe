/** Settings, in a disguise only: the code word that opens the lessons from the notepad. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { codeWord, setCodeWord } from './code-word';

export function CodeWordSetting() {
  const [word, setWord] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void codeWord().then(setWord);
  }, []);
  if (word === null) return null;
  return (
    <form
      class="field code-word"
      onSubmit={(event) => {
        event.preventDefault();
        if (!word.trim()) return;
        void setCodeWord(word).then(() => setSaved(true));
      }}
    >
      <label for="code-word">{t('settings.codeWord')}</label>
      <span class="hint" id="code-word-hint">
        {t('settings.codeWordHint')}
      </span>
      <input
        id="code-word"
        type="text"
        autocomplete="off"
        aria-describedby="code-word-hint"
        required
        value={word}
        onInput={(event) => {
          setWord(event.currentTarget.value);
          setSaved(false);
        }}
      />
      <button type="submit" class="button">
        {t('settings.codeWordSave')}
      </button>
      <p class={saved ? 'notice' : 'visually-hidden'} role="status">
        {saved ? t('settings.codeWordSaved') : ''}
      </p>
    </form>
  );
}
