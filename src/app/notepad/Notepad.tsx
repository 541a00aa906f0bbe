/** A plain notepad: write, edit and delete short notes; saving the code word opens the lessons. */
import site from 'virtual:site';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { direction } from '../../shared/locales';
import { siteText } from '../../shared/site';
import { loadNotes, type Note, saveNotes, withNote } from './notes';

interface Props {
  locale: string;
  /** True when a saved text opens the lessons instead of being kept (the code word). */
  opens: (text: string) => Promise<boolean>;
  /** Called once the lessons are to open. */
  onOpen: () => void;
}

/** The profile's text for the notepad, marked with its language when it is not the reader's. */
function SiteLine({
  tag: Tag,
  text,
  locale,
}: {
  tag: 'h1' | 'p';
  text: string | Record<string, string>;
  locale: string;
}) {
  const chosen = siteText(text, locale);
  const other = chosen.locale && chosen.locale !== locale;
  return (
    <Tag lang={other ? chosen.locale : undefined} dir={other ? direction(chosen.locale ?? '') : undefined}>
      {chosen.text}
    </Tag>
  );
}

export function Notepad({ locale, opens, onOpen }: Props) {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    void loadNotes().then(setNotes);
  }, []);

  const keep = async (next: Note[]) => {
    setNotes(next);
    await saveNotes(next);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    setEditing(null);
    // The code word is never kept as a note.
    if (await opens(text)) return onOpen();
    await keep(withNote(notes ?? [], text, editing));
  };
  const edit = (note: Note) => {
    setEditing(note.id);
    setDraft(note.text);
    field.current?.focus();
  };
  const cover = site.cover;
  return (
    <main class="page notepad">
      {cover && <SiteLine tag="h1" text={cover.heading} locale={locale} />}
      <form class="note-editor" onSubmit={save}>
        <label for="note-text">{editing ? t('notes.editLabel') : t('notes.newLabel')}</label>
        <textarea
          id="note-text"
          ref={field}
          rows={4}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <div class="note-actions">
          <button type="submit" class="button">
            {t('notes.save')}
          </button>
          {editing && (
            <button
              type="button"
              class="button button-quiet"
              onClick={() => {
                setEditing(null);
                setDraft('');
              }}
            >
              {t('notes.cancel')}
            </button>
          )}
        </div>
      </form>
      {notes && notes.length === 0 && cover && <SiteLine tag="p" text={cover.text} locale={locale} />}
      {notes && notes.length > 0 && (
        <ul class="notes">
          {notes.map((note) => (
            <li key={note.id}>
              <p class="note-text">{note.text}</p>
              <div class="note-actions">
                <button type="button" class="button button-quiet" onClick={() => edit(note)}>
                  {t('notes.edit')}
                </button>
                <button
                  type="button"
                  class="button button-quiet"
                  onClick={() => void keep(notes.filter((other) => other.id !== note.id))}
                >
                  {t('notes.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
