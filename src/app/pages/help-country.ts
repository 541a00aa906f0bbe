/** The learner's country for the Get help page: asked once, kept like other settings. */
import { HELP_COUNTRIES, type HelpCountry } from '../../shared/help';
import { progressStore } from '../progress';

/** Where the choice is kept in the progress store (a private session keeps nothing). */
export const HELP_COUNTRY_SETTING = 'help-country';

export type CountryChoice = HelpCountry | 'other';
export const COUNTRY_CHOICES: readonly CountryChoice[] = [...HELP_COUNTRIES, 'other'];

function isChoice(value: unknown): value is CountryChoice {
  return (COUNTRY_CHOICES as readonly unknown[]).includes(value);
}

/** The country chosen before, or null when the learner has not chosen yet (or storage failed). */
export async function savedCountry(): Promise<CountryChoice | null> {
  try {
    const value = await (await progressStore()).getSetting(HELP_COUNTRY_SETTING);
    return isChoice(value) ? value : null;
  } catch {
    return null;
  }
}

/** Keeps the choice; a failure to save only means the page asks again next time. */
export async function saveCountry(country: CountryChoice): Promise<void> {
  await (await progressStore()).setSetting(HELP_COUNTRY_SETTING, country).catch(() => {});
}
