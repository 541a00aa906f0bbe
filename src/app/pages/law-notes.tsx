/**
 * Country notes on the law in a lesson: a box for each country's law behind a piece of advice,
 * shown only for the learner's country (every one when none is chosen). Loaded with its words only
 * by lessons that have such notes, so other lessons and the first visit do not carry it.
 */
import { loadPageStrings, t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import { isLawStale, type LawNote, showsLawNote } from '../../shared/law';
import type { TextLang } from '../components/text-lang';
import { href } from '../router';
import { type CountryChoice, savedCountry } from './help-country';

interface Props {
  note: LawNote;
  /** The interface language, for the link to the country chooser. */
  locale: string;
  /** The learner's country; null shows every note (nothing chosen yet, or a handout). */
  country: CountryChoice | null;
  /** The lesson text's own language and direction. */
  text: TextLang;
  /** False in a printed handout, which has no country to change. */
  chooser?: boolean;
}

/** One law note as a labelled box, or nothing when it is for another country than the learner's. */
export function LawNoteBox({ note, locale, country, text, chooser = true }: Props) {
  if (!showsLawNote(note, country)) return null;
  const heading = t('law.heading', { country: t(`help.country.${note.country}`) });
  // Heading levels follow the lesson's outline, worked out by the compiler.
  const Heading = `h${note.level}` as 'h3';
  const chosen = country && country !== 'other' ? country : null;
  return (
    // Named by country and law, so several boxes on one page are told apart as landmarks.
    <aside class="callout callout-law" aria-label={`${heading}: ${note.title}`}>
      <Heading class="callout-title">{heading}</Heading>
      <div class="prose" {...text} dangerouslySetInnerHTML={{ __html: note.html }} />
      <p class="law-checked">
        {t('law.checked', { date: formatDate(note.checked) })}
        {isLawStale(note.checked, new Date()) && <strong class="law-stale"> {t('law.stale')}</strong>}
      </p>
      {chooser && (
        <p class="law-country">
          <a href={href(locale, { page: 'help' })}>
            {chosen ? t('law.change', { country: t(`help.country.${chosen}`) }) : t('law.choose')}
          </a>
        </p>
      )}
    </aside>
  );
}

/** What a lesson needs to draw its law notes: the box, its words, and the learner's country. */
export async function loadLawNotes(): Promise<{ Box: typeof LawNoteBox; country: CountryChoice | null }> {
  const [country] = await Promise.all([savedCountry(), loadPageStrings()]);
  return { Box: LawNoteBox, country };
}
