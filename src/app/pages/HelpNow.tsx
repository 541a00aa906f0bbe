/**
 * Help now: situations in plain words, each a flow of short questions that ends with what to do
 * first and whom to contact. The flow lives in this page's memory only: no address, title,
 * history entry or stored record names the situation or the answers, unless the learner saves
 * its summary (then sealed like progress, see storage/saved-summaries.ts).
 */
import { flows as flowLoaders } from 'virtual:help-flows';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { HelpDirectory } from '../../shared/help';
import { type HelpFlow, stepOf } from '../../shared/help-flows';
import { SOURCE_LOCALE } from '../../shared/locales';
import { textLang } from '../components/text-lang';
import { useCourse } from '../hooks';
import { href } from '../router';
import { setTitle } from '../title';
import HelpCardPage from './HelpCard';
import { HelpNowEnding } from './HelpNowEnding';
import { HelpCardLinks } from './help-card-links';
import { type CountryChoice, saveCountry, savedCountry } from './help-country';
import { SavedSummaries } from './SavedSummaries';
import { useLoaded } from './use-loaded';

type Loaded = { flows: HelpFlow[]; english: HelpFlow[]; directory: HelpDirectory | 'failed' };

/** The flows in `locale` and in English (for the English summary), and the help directory. */
async function load(locale: string): Promise<Loaded> {
  const read = (lang: string) =>
    (flowLoaders[lang] ?? flowLoaders[SOURCE_LOCALE])?.().then((m) => m.default) ?? [];
  const [flows, english, directory] = await Promise.all([
    read(locale),
    read(SOURCE_LOCALE),
    import('virtual:help').then(
      (module) => module.default,
      () => 'failed' as const,
    ),
  ]);
  return { flows, english, directory };
}

/** Help now; with a country in the address, the printed first-steps card for trainers. */
export default function HelpNowPage({ locale, country }: { locale: string; country?: string }) {
  return country ? <HelpCardPage locale={locale} country={country} /> : <HelpNow locale={locale} />;
}

function HelpNow({ locale }: { locale: string }) {
  const loaded = useLoaded(() => load(locale), [locale]);
  const [country, setCountry] = useState<CountryChoice | null>(null);
  const [flowId, setFlowId] = useState<string | null>(null);
  // The steps taken so far, the current one last.
  const [path, setPath] = useState<string[]>([]);
  const course = useCourse(locale);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setTitle(t('helpNow.title'));
    let live = true;
    void savedCountry().then((saved) => live && setCountry(saved));
    return () => {
      live = false;
    };
  }, [locale]);
  // The header's Help now link leads to this very address, so the router sees no change when it is
  // followed in a flow: it is taken here as going back to the list of situations.
  useEffect(() => {
    const list = href(locale, { page: 'help-now' });
    const follow = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.('a')?.getAttribute('href') !== list) return;
      setFlowId(null);
      setPath([]);
    };
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, [locale]);
  // Each new step moves focus to its heading, so a screen reader reads the new question.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, flowId, path.length]);

  if (loaded === null) return <p class="loading">{t('app.loading')}</p>;
  if (loaded === 'failed') return <p class="notice notice-error">{t('helpNow.unavailable')}</p>;
  const flow = loaded.flows.find((candidate) => candidate.id === flowId);
  const step = flow && stepOf(flow, path[path.length - 1] ?? '');
  if (!flow || !step) {
    return (
      <div class="page help-now">
        <h1 ref={heading} tabIndex={-1}>
          {t('helpNow.title')}
        </h1>
        <p class="lede">{t('helpNow.lede')}</p>
        <ul class="help-now-list">
          {loaded.flows.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                class="help-now-choice"
                {...textLang(candidate.locale)}
                onClick={() => {
                  setFlowId(candidate.id);
                  setPath([candidate.steps[0]?.id ?? '']);
                }}
              >
                <strong>{candidate.title}</strong>
                <span>{candidate.summary}</span>
              </button>
            </li>
          ))}
        </ul>
        <SavedSummaries />
        <div class="trainer-only help-now-card">
          <p>{t('helpCard.printFor')}</p>
          <HelpCardLinks locale={locale} label={t('helpCard.printFor')} />
        </div>
      </div>
    );
  }
  const back = () => (path.length > 1 ? setPath(path.slice(0, -1)) : setFlowId(null));
  const text = textLang(flow.locale);
  return (
    <div class="page help-now">
      <p class="help-now-situation" {...text}>
        {flow.title}
      </p>
      {flow.locale !== locale && <p class="notice">{t('helpNow.notTranslated')}</p>}
      {flow.translation && flow.translation.status !== 'reviewed' && (
        <p class="badge">{t(`lesson.unreviewed.${flow.translation.status}`)}</p>
      )}
      {step.kind === 'question' ? (
        <>
          <h1 ref={heading} tabIndex={-1} {...text} dangerouslySetInnerHTML={{ __html: step.html }} />
          {step.more && <div {...text} dangerouslySetInnerHTML={{ __html: step.more }} />}
          <ul class="help-now-answers" {...text}>
            {step.answers.map((answer) => (
              <li key={`${answer.to}-${answer.text}`}>
                <button
                  type="button"
                  class="button help-now-answer"
                  onClick={() => setPath([...path, answer.to])}
                >
                  {answer.text}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1} {...text}>
            {step.title}
          </h1>
          <HelpNowEnding
            locale={locale}
            flow={flow}
            english={loaded.english.find((candidate) => candidate.id === flow.id)}
            ending={step}
            path={path}
            directory={loaded.directory}
            country={country}
            onCountry={(next) => {
              setCountry(next);
              void saveCountry(next);
            }}
            course={course && course !== 'failed' ? course : null}
          />
          {step.back && (
            <p>
              <button
                type="button"
                class="button button-quiet"
                onClick={() => setPath([...path, step.back as string])}
              >
                {t('helpNow.backTo', {
                  question:
                    stepOf(flow, step.back)?.kind === 'question'
                      ? (stepOf(flow, step.back) as { text: string }).text
                      : '',
                })}
              </button>
            </p>
          )}
        </>
      )}
      <p class="help-now-nav">
        <button type="button" class="button button-quiet" onClick={back}>
          {t('helpNow.back')}
        </button>
        <button type="button" class="button button-quiet" onClick={() => setFlowId(null)}>
          {t('helpNow.otherSituation')}
        </button>
      </p>
    </div>
  );
}
