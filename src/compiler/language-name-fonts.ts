/**
 * The language chooser draws each language's name in its own script. With the full Hindi and Urdu
 * fonts that cost about 210 kB before the learner has chosen anything; these fonts hold only the
 * letters of those names (a few kB), cut at build time from the same fonts by HarfBuzz's subsetter,
 * which keeps the shaping rules the letters need. fonts.css uses them for the names only.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import type { Plugin } from 'vite';
import { LOCALE_NAMES } from '../shared/locales.ts';

/** The folder fonts.css reads the names' fonts from, as `@language-names/language-names-<locale>.woff2`. */
export const NAME_FONTS_ALIAS = '@language-names';

/** How the names' font files begin, in the folder and in the build (read by `npm run bench`). */
export const NAME_FONT_PREFIX = 'language-names-';

/** The full font each script's name is cut from (the one fonts.css gives that language). */
const SOURCES: Record<string, string> = {
  hi: '@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-400-normal.woff2',
  ur: '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2',
};

/** Writes one font per language in SOURCES, holding only the letters of its name, into `folder`. */
export async function writeNameFonts(folder: string): Promise<{ locale: string; bytes: number }[]> {
  const require = createRequire(import.meta.url);
  mkdirSync(folder, { recursive: true });
  return Promise.all(
    Object.entries(SOURCES).map(async ([locale, source]) => {
      const name = LOCALE_NAMES[locale as keyof typeof LOCALE_NAMES];
      const font = await subsetFont(readFileSync(require.resolve(source)), name, { targetFormat: 'woff2' });
      // Written aside, then renamed: another build running at the same time never reads half a file.
      const file = path.join(folder, `${NAME_FONT_PREFIX}${locale}.woff2`);
      const aside = `${file}.${process.pid}.tmp`;
      writeFileSync(aside, font);
      renameSync(aside, file);
      return { locale, bytes: font.length };
    }),
  );
}

/** Makes the names' fonts before anything reads fonts.css, and lets it find them. */
export function languageNameFontsPlugin(folder = path.resolve('node_modules/.cache/language-names')): Plugin {
  return {
    name: 'safe-online-language-name-fonts',
    config: () => ({ resolve: { alias: { [NAME_FONTS_ALIAS]: folder } } }),
    async buildStart() {
      await writeNameFonts(folder);
    },
  };
}
