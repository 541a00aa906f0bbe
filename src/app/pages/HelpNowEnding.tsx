/**
 * The end of a help-now flow: what to do now, what not to do, who to contact in the learner's
 * country (then international services), what to read later, and a summary to read out (and,
 * if the learner chooses, to save).
 */
import { useMemo, useState } from 'preact/hooks';
import { i18n, t } from '../../i18n';
import { entriesHelpingWith, type HelpDirectory, type HelpEntry } from '../../shared/help';
import type { FlowEnding, HelpFlow } from '../../shared/help-flows';
import { SOURCE_LOCALE } from '../../shared/locales';
import { textLang } from '../components/text-lang';
import type { Course } from '../course';
import { href } from '../router';
import { CountryChooser } from './Help';
import { HelpEntryCard } from './HelpEntry';
import { SaveSummary } from './HelpNowSave';
import { SummaryTexts } from './HelpNowSummaryTexts';
import type { CountryChoice } from './help-country';
import { flowSummary } from './help-now-summary';

interface EndingProps {
  locale: string;
  flow: HelpFlow;
  /** The same flow in English, for the English summary (the same as `flow` when that is English). */
  english: HelpFlow | undefined;
  ending: FlowEnding;
  path: readonly string[];
  directory: HelpDirectory | 'failed';
  country: CountryChoice | null;
  onCountry: (country: CountryChoice) => void;
  course: Course | null;
}

/** Services helping with any of `categories`, each once, local ones first. */
function contactsFor(
  directory: HelpDirectory,
  country: CountryChoice,
  categories: readonly string[],
): HelpEntry[] {
  const found = new Map<string, HelpEntry>();
  for (const category of categories)
    for (const entry of entriesHelpingWith(directory, country, category as HelpEntry['helps'][number]))
      found.set(entry.id, entry);
  return [...found.values()].sort(
    (a, b) => Number(a.region === 'international') - Number(b.region === 'international'),
  );
}

function Contacts({ directory, country, onCountry, ending, locale }: EndingProps) {
  if (directory === 'failed') return <p class="notice notice-error">{t('help.unavailable')}</p>;
  if (!country) return <CountryChooser onChoose={onCountry} />;
  const entries = contactsFor(directory, country, ending.help);
  const now = new Date();
  return (
    <>
      <p>
        {t('helpNow.contactsFor', { country: t(`help.country.${country}`) })}{' '}
        <a href={href(locale, { page: 'help' })}>{t('helpNow.allServices')}</a>
      </p>
      {entries.length === 0 ? (
        <p>{t('helpNow.noContacts')}</p>
      ) : (
        <ul class="help-list">
          {entries.map((entry) => (
            <HelpEntryCard key={entry.id} entry={entry} locale={locale} now={now} />
          ))}
        </ul>
      )}
    </>
  );
}

function Summary({ flow, english, path, ending }: EndingProps) {
  const texts = useMemo(() => {
    const own = { locale: flow.locale, text: flowSummary(flow, path, i18n.getFixedT(flow.locale)) };
    if (!english || english.locale === flow.locale) return [own];
    return [own, { locale: SOURCE_LOCALE, text: flowSummary(english, path, i18n.getFixedT(SOURCE_LOCALE)) }];
  }, [flow, english, path]);
  return (
    <section class="help-now-summary" aria-label={t('helpNow.summary.title')}>
      <p>{t('helpNow.summary.lede')}</p>
      <SummaryTexts texts={texts} />
      <SaveSummary flowId={flow.id} endingId={ending.id} title={flow.title} texts={texts} />
    </section>
  );
}

/** The ending's headings and lists; `html` fields were made safe by the flow compiler. */
export function HelpNowEnding(props: EndingProps) {
  const { ending, flow, locale, course } = props;
  const [summary, setSummary] = useState(false);
  const text = textLang(flow.locale);
  return (
    <>
      {ending.intro && <div {...text} dangerouslySetInnerHTML={{ __html: ending.intro }} />}
      <h2>{t('helpNow.doNow')}</h2>
      <ol class="help-now-actions" {...text}>
        {ending.doNow.map((action) => (
          <li key={action.html} dangerouslySetInnerHTML={{ __html: action.html }} />
        ))}
      </ol>
      {ending.doNot.length > 0 && (
        <>
          <h2>{t('helpNow.doNot')}</h2>
          <ul class="help-now-actions help-now-donts" {...text}>
            {ending.doNot.map((action) => (
              <li key={action.html} dangerouslySetInnerHTML={{ __html: action.html }} />
            ))}
          </ul>
        </>
      )}
      <h2>{t('helpNow.contact')}</h2>
      <Contacts {...props} />
      {ending.read.length > 0 && (
        <>
          <h2>{t('helpNow.readLater')}</h2>
          <ul>
            {ending.read.map((id) => {
              const lesson = course?.lesson(id);
              return (
                <li key={id}>
                  <a
                    href={href(locale, { page: 'lesson', lessonId: id })}
                    {...textLang(lesson?.textLocale ?? locale)}
                  >
                    {lesson?.title ?? id}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>
        <button type="button" class="button" aria-expanded={summary} onClick={() => setSummary(!summary)}>
          {summary ? t('helpNow.hideSummary') : t('helpNow.showSummary')}
        </button>
      </p>
      {summary && <Summary {...props} />}
    </>
  );
}
