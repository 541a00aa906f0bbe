/**
 * The Help now summaries the learner saved, newest first, under the situations: each opens its
 * texts again (with Copy) and can be deleted. Shown only once progress is open, so with the app
 * lock on, only after unlocking.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n, t } from '../../i18n';
import { deleteSummary, type SavedSummary, savedSummaries } from '../../storage/saved-summaries';
import { textLang } from '../components/text-lang';
import { progressStore } from '../progress';
import { SummaryTexts } from './HelpNowSummaryTexts';

/**
 * When a summary was saved, in the reader's language: the day, then the time, each kept on one
 * line so that a narrow screen at a large text size never strands "PM" alone.
 */
function SavedOn({ time }: { time: number }) {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(i18n.language, options).format(time);
  return (
    <span>
      <span class="saved-on">{part({ dateStyle: 'medium' })}</span>{' '}
      <span class="saved-on">{part({ timeStyle: 'short' })}</span>
    </span>
  );
}

/** The saved summaries' list; nothing at all when none is saved. */
export function SavedSummaries() {
  const [saved, setSaved] = useState<SavedSummary[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let live = true;
    progressStore()
      .then(savedSummaries)
      .then(
        (found) => live && setSaved(found),
        () => {},
      );
    return () => {
      live = false;
    };
  }, []);

  const remove = async (id: string) => {
    const store = await progressStore();
    await deleteSummary(store, id);
    setSaved(await savedSummaries(store));
    setDeleted(true);
    // The button that had the focus is gone: the list's heading takes it.
    heading.current?.focus();
  };

  if (saved.length === 0 && !deleted) return null;
  return (
    <section class="saved-summaries" aria-labelledby="saved-summaries-title">
      <h2 id="saved-summaries-title" ref={heading} tabIndex={-1}>
        {t('helpNow.saved.title')}
      </h2>
      <p>{t('helpNow.saved.lede')}</p>
      <p role="status">{deleted ? t('helpNow.saved.deleted') : ''}</p>
      <ul class="help-now-list">
        {saved.map((summary) => (
          <li key={summary.id}>
            <button
              type="button"
              class="help-now-choice"
              aria-expanded={open === summary.id}
              onClick={() => setOpen(open === summary.id ? null : summary.id)}
            >
              <strong {...textLang(summary.texts[0]?.locale ?? i18n.language)}>{summary.title}</strong>
              <SavedOn time={summary.savedAt} />
            </button>
            {open === summary.id && (
              <div class="saved-summary">
                <SummaryTexts texts={summary.texts} />
                <p>
                  <button type="button" class="button button-quiet" onClick={() => void remove(summary.id)}>
                    {t('helpNow.saved.delete')}
                  </button>
                </p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
