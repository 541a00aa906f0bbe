/** One service of the help directory: what it helps with, how to reach it, and how fresh the facts are. */
import { t } from '../../i18n';
import { contactHref, type HelpContact, type HelpEntry, type HelpHours, isStale } from '../../shared/help';
import { textLang } from '../components/text-lang';

/** Free text in the page's language, or English (marked as such) where it is not translated. */
export function localText(text: HelpEntry['about'], locale: string): { text: string; locale: string } {
  const own = text[locale];
  return own ? { text: own, locale } : { text: text.en, locale: 'en' };
}

/** "Pakistan Time", as the reader's language names the zone; the zone id if the browser cannot. */
function zoneName(zone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' });
    return parts.formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

/** When a service answers, in the reader's language, times isolated left to right. */
export function hoursText(hours: HelpHours, locale: string): preact.ComponentChild {
  if (hours.always) return t('help.hours.always');
  return (
    <>
      {t(`help.hours.${hours.days}`)}{' '}
      <bdi dir="ltr">
        {hours.open}–{hours.close}
      </bdi>{' '}
      ({zoneName(hours.zone, locale)})
    </>
  );
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A contact as a link; numbers and addresses are isolated left to right, so Urdu text cannot reverse them. */
export function Contact({ contact, country }: { contact: HelpContact; country: string }) {
  const external = contact.kind === 'web' || contact.kind === 'whatsapp' || contact.kind === 'signal';
  return (
    <li>
      <span class="help-contact-kind">{t(`help.contact.${contact.kind}`, { country })}</span>{' '}
      <a href={contactHref(contact)} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
        <bdi dir="ltr">{contact.value}</bdi>
      </a>
    </li>
  );
}

export function HelpEntryCard({ entry, locale, now }: { entry: HelpEntry; locale: string; now: Date }) {
  const about = localText(entry.about, locale);
  const risk = entry.risk ? localText(entry.risk, locale) : null;
  const country = entry.region === 'international' ? '' : t(`help.country.${entry.region}`);
  const verified = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${entry.verified}T00:00:00Z`),
  );
  return (
    <li class="help-entry" id={`help-${entry.id}`}>
      <h2 lang="en" dir="ltr">
        {entry.name}
      </h2>
      {isStale(entry.verified, now) && <p class="help-stale">{t('help.stale')}</p>}
      <p {...textLang(about.locale)}>{about.text}</p>
      <p class="help-categories">
        {t('help.helpsWith')} {entry.helps.map((category) => t(`help.category.${category}`)).join(', ')}
      </p>
      <ul class="help-contacts">
        {entry.contacts.map((contact) => (
          <Contact key={contact.value} contact={contact} country={country} />
        ))}
      </ul>
      <dl class="help-facts">
        {entry.hours && (
          <div>
            <dt>{t('help.hours.label')}</dt>
            <dd>{hoursText(entry.hours, locale)}</dd>
          </div>
        )}
        {entry.languages && (
          <div>
            <dt>{t('help.languages')}</dt>
            <dd>{entry.languages.map((code) => languageName(code, locale)).join(', ')}</dd>
          </div>
        )}
        {entry.cost && (
          <div>
            <dt>{t('help.cost')}</dt>
            <dd>{t('help.free')}</dd>
          </div>
        )}
      </dl>
      {risk && (
        <p class="help-risk">
          <strong>{t('help.risk')}</strong> <span {...textLang(risk.locale)}>{risk.text}</span>
        </p>
      )}
      <p class="help-verified">
        {t('help.verified', { date: verified })}{' '}
        <a href={entry.source} target="_blank" rel="noopener noreferrer">
          {t('help.source')}
        </a>
      </p>
    </li>
  );
}
