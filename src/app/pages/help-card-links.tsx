/** Links to the printed first-steps card, one per country: for the trainer tools and Help now. */
import { t } from '../../i18n';
import { HELP_COUNTRIES } from '../../shared/help';
import { href } from '../router';

export function HelpCardLinks({ locale, label }: { locale: string; label: string }) {
  return (
    <nav class="help-card-links" aria-label={label}>
      {HELP_COUNTRIES.map((country) => (
        <a key={country} class="button button-quiet" href={href(locale, { page: 'help-now', country })}>
          {t(`help.country.${country}`)}
        </a>
      ))}
    </nav>
  );
}
