/** The `lang` and `dir` of lesson text, set on each piece of it (it may be English inside an Urdu page). */
import { direction } from '../../shared/locales';
export interface TextLang {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** `lang` and `dir` attributes for text written in `locale`. */
export function textLang(locale: string): TextLang {
  return { lang: locale, dir: direction(locale) };
}
