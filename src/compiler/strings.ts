/** Interface-string coverage of a locale file against locales/en.json (i18next JSON v4). */

type Tree = { [key: string]: string | Tree };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested keys to dotted paths: { a: { b: "x" } } → { "a.b": "x" }. */
export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((match) => match[1])
    .sort()
    .join(',');
}

export interface StringsReport {
  locale: string;
  /** Keys of en.json (plural keys by their base) with no text in this locale. */
  missing: string[];
  /** Keys whose {{placeholders}} differ from English. */
  placeholders: string[];
  /** Plural keys whose forms differ from what Intl.PluralRules needs for this language. */
  plurals: string[];
  /** Keys this locale has that en.json does not. */
  extra: string[];
}

/** Compares a locale's strings with English: missing keys, placeholders, plural forms. */
export function checkStrings(locale: string, english: Tree, translated: Tree): StringsReport {
  const en = flatten(english);
  const tr = flatten(translated);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const report: StringsReport = { locale, missing: [], placeholders: [], plurals: [], extra: [] };
  const seen = new Set<string>();

  for (const [key, text] of en) {
    const plural = PLURAL_SUFFIX.exec(key);
    if (!plural) {
      const translation = tr.get(key);
      if (!translation) report.missing.push(key);
      else if (placeholders(translation) !== placeholders(text)) report.placeholders.push(key);
      continue;
    }
    const base = key.slice(0, plural.index);
    if (seen.has(base)) continue;
    seen.add(base);
    const forms = categories.filter((category) => tr.has(`${base}_${category}`));
    if (forms.length === 0) {
      report.missing.push(base);
      continue;
    }
    const has = [...tr.keys()].filter(
      (k) => k.startsWith(`${base}_`) && PLURAL_SUFFIX.test(k.slice(base.length)),
    );
    if (forms.length !== categories.length || has.length !== categories.length) report.plurals.push(base);
    for (const category of forms) {
      // Compare with English's own form of that category, or its "other" form (Malay has only "other").
      const source = en.get(`${base}_${category}`) ?? en.get(`${base}_other`) ?? text;
      if (placeholders(tr.get(`${base}_${category}`) ?? '') !== placeholders(source)) {
        report.placeholders.push(`${base}_${category}`);
      }
    }
  }
  for (const key of tr.keys()) {
    const plural = PLURAL_SUFFIX.exec(key);
    const base = plural ? key.slice(0, plural.index) : key;
    if (!en.has(key) && !seen.has(base)) report.extra.push(key);
  }
  return report;
}
