/**
 * The first-steps card: one printed A4 page per country, for trainers to hand out. The country's
 * services that help in the flows' emergencies (local ones first, then international ones), then
 * each flow's title and first steps. It names no app and no learner: someone found carrying it
 * shows nothing the Help page does not.
 */
import { flows as flowLoaders } from 'virtual:help-flows';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';
import { sameId } from '../../shared/addresses';
import { entriesFor, HELP_COUNTRIES, type HelpCountry, type HelpDirectory } from '../../shared/help';
import type { HelpFlow } from '../../shared/help-flows';
import { SOURCE_LOCALE } from '../../shared/locales';
import { textLang } from '../components/text-lang';
import { usePageHeading } from '../hooks';
import { href } from '../router';
import { setTitle } from '../title';
import { Contact, hoursText } from './HelpEntry';
import { HelpCardLinks } from './help-card-links';
import { useLoaded } from './use-loaded';

type Loaded = { flows: HelpFlow[]; directory: HelpDirectory };

async function load(locale: string): Promise<Loaded> {
  const loader = flowLoaders[locale] ?? flowLoaders[SOURCE_LOCALE];
  const [flows, directory] = await Promise.all([
    loader ? loader().then((module) => module.default) : [],
    import('virtual:help').then((module) => module.default),
  ]);
  return { flows, directory };
}

/** The country's services that help with a kind of help some flow's ending asks for, local ones first. */
export function cardServices(directory: HelpDirectory, country: HelpCountry, flows: readonly HelpFlow[]) {
  const kinds = new Set(
    flows.flatMap((flow) => flow.steps.flatMap((step) => (step.kind === 'ending' ? step.help : []))),
  );
  return entriesFor(directory, country).filter((entry) => entry.helps.some((kind) => kinds.has(kind)));
}

function Card({ locale, country, loaded }: { locale: string; country: HelpCountry; loaded: Loaded }) {
  const name = t(`help.country.${country}`);
  const heading = usePageHeading<HTMLHeadingElement>(true);
  return (
    <article class="help-card">
      <h1 ref={heading} tabIndex={-1}>
        {t('helpCard.heading', { country: name })}
      </h1>
      <section>
        <h2>{t('helpNow.contact')}</h2>
        <ul class="help-card-services">
          {cardServices(loaded.directory, country, loaded.flows).map((entry) => (
            <li key={entry.id} class="help-card-service">
              <h3 lang="en" dir="ltr">
                {entry.name}
              </h3>
              <ul class="help-contacts">
                {entry.contacts.map((contact) => (
                  <Contact
                    key={contact.value}
                    contact={contact}
                    country={entry.region === 'international' ? '' : name}
                  />
                ))}
              </ul>
              {entry.hours && (
                <p>
                  {t('help.hours.label')}: {hoursText(entry.hours, locale)}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t('helpCard.steps')}</h2>
        <div class="help-card-flows">
          {loaded.flows.map((flow) => (
            <section key={flow.id} class="help-card-flow" {...textLang(flow.locale)}>
              <h3>{flow.title}</h3>
              <ol>
                {flow.card.map((step) => (
                  // Made safe by the flow compiler, like the rest of the flow.
                  <li key={step.html} dangerouslySetInnerHTML={{ __html: step.html }} />
                ))}
              </ol>
            </section>
          ))}
        </div>
      </section>
      <p class="help-card-actions">
        <button type="button" class="button" onClick={() => print()}>
          {t('helpCard.print')}
        </button>
      </p>
      <HelpCardLinks locale={locale} label={t('helpCard.printFor')} />
    </article>
  );
}

/** The card for `country` (a code, or its opaque token), or the choice of a country when it names none. */
export default function HelpCardPage({ locale, country }: { locale: string; country: string }) {
  const loaded = useLoaded(() => load(locale), [locale]);
  const chosen = HELP_COUNTRIES.find((code) => sameId(code, country));
  const heading = usePageHeading<HTMLHeadingElement>(loaded !== null && !chosen);
  useEffect(() => {
    setTitle(t('helpCard.title'));
  }, []);
  if (loaded === null) return <p class="loading">{t('app.loading')}</p>;
  if (loaded === 'failed') return <p class="notice notice-error">{t('help.unavailable')}</p>;
  if (chosen) return <Card locale={locale} country={chosen} loaded={loaded} />;
  return (
    <div class="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('helpCard.title')}
      </h1>
      <p class="lede">{t('helpCard.intro')}</p>
      <HelpCardLinks locale={locale} label={t('helpCard.printFor')} />
      <p>
        <a href={href(locale, { page: 'workshops' })}>{t('workshops.title')}</a>
      </p>
    </div>
  );
}
