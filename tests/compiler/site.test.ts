/** Site profiles: the shipped ones are valid, and a partner's mistakes are named with file:line:col. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentErrors } from '../../src/compiler/errors.ts';
import { chosenProfile, contrast, readSiteProfile, siteCss, siteModule } from '../../src/compiler/site.ts';
import { withOverrides } from '../../src/compiler/site-disguise.ts';
import { siteText } from '../../src/shared/site.ts';

let root: string;

/** A profile folder copied from the disguise, with its site.yaml replaced by `yaml`. */
function profile(yaml: string): string {
  root = mkdtempSync(path.join(tmpdir(), 'site-'));
  cpSync('site/disguise', path.join(root, 'mine'), { recursive: true });
  writeFileSync(path.join(root, 'mine', 'site.yaml'), yaml);
  return root;
}

function problems(yaml: string): string[] {
  const dir = profile(yaml);
  try {
    readSiteProfile('mine', dir);
  } catch (error) {
    if (error instanceof ContentErrors) return error.message.split('\n').slice(1);
    throw error;
  }
  return [];
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('site profiles', () => {
  it('ships a default profile named Safe Online, with full page titles and no cover', () => {
    expect(readSiteProfile('default')).toMatchObject({
      name: 'Safe Online',
      title: 'Safe Online',
      themeColor: '#0e5c63',
      plainTitles: false,
      cover: undefined,
    });
  });

  it('ships a disguise named Notes, with plain titles and a cover in every language', () => {
    const disguise = readSiteProfile('disguise');
    expect(disguise).toMatchObject({ name: 'Notes', shortName: 'Notes', plainTitles: true });
    for (const locale of ['en', 'hi', 'ms', 'ur']) {
      expect(siteText(disguise.cover?.text ?? '', locale)).toMatchObject({ locale });
    }
    expect(siteText(disguise.cover?.heading ?? '', 'ur').text).toBe('نوٹس');
  });

  it('ships a disguise with neutral names, a code word, and its name and neutral words in each language', () => {
    const disguise = readSiteProfile('disguise');
    expect(disguise.disguise).toEqual({ storageName: 'notes', codeWord: 'sunflower' });
    expect(disguise.strings.en).toMatchObject({
      'app.name': 'Notes',
      'nav.quickExit': 'Close',
      'nav.erase': 'Clear',
    });
    expect(disguise.strings.hi?.['app.name']).toBe('नोट्स');
    expect(disguise.strings.ms?.['app.name']).toBe('Nota');
    expect(disguise.strings.ur?.['app.name']).toBe('نوٹس');
    for (const locale of ['en', 'hi', 'ms', 'ur']) {
      expect(Object.keys(disguise.strings[locale] ?? {}).sort()).toEqual(
        Object.keys(disguise.strings.en ?? {}).sort(),
      );
    }
    expect(siteModule(disguise)).toContain('"notepad":{"codeWord":"sunflower"}');
    const plain = readSiteProfile('default');
    expect(plain.disguise).toBeUndefined();
    expect(plain.strings).toEqual({});
    expect(siteModule(plain)).toContain('"notepad":null');
  });

  it("writes a profile's strings over the app's, key by key, leaving the rest", () => {
    const strings = { nav: { quickExit: 'Quick exit', erase: 'Erase' }, app: { name: 'Safe Online' } };
    expect(withOverrides(strings, { 'nav.quickExit': 'Close' })).toEqual({
      nav: { quickExit: 'Close', erase: 'Erase' },
      app: { name: 'Safe Online' },
    });
    expect(strings.nav.quickExit).toBe('Quick exit');
  });

  it('points at each mistake in a disguise and its strings', () => {
    const base = 'name: Notes\ndescription: Notes\ncover:\n  heading: Notes\n  text: Nothing\n';
    expect(problems(`${base}disguise:\n  storage_name: safe-online\n  colour: red\n`)).toEqual([
      expect.stringMatching(/site\.yaml:7:3: the disguise needs "code_word"$/),
      expect.stringMatching(
        /site\.yaml:7:17: "storage_name" must be a plain word .* that does not name the app, like "notes"$/,
      ),
      expect.stringMatching(
        /site\.yaml:8:3: unknown field "colour" in "disguise": use storage_name, code_word$/,
      ),
    ]);
    expect(
      problems(
        `${base}disguise: {storage_name: notes, code_word: rain}\nstrings:\n  fr: {app.name: Notes}\n  en:\n    nav.nothing: x\n    nav.erase: ""\n`,
      ),
    ).toEqual([
      expect.stringMatching(/site\.yaml:8:3: "fr" is not a language of the app: use en, hi, ms, ur$/),
      expect.stringMatching(
        /site\.yaml:10:5: "nav\.nothing" is not an interface string of locales\/en\.json$/,
      ),
      expect.stringMatching(/site\.yaml:11:16: "nav\.erase" in "en" needs some text$/),
    ]);
    expect(
      problems('name: Notes\ndescription: Notes\ndisguise: {storage_name: notes, code_word: rain}\n'),
    ).toEqual([
      expect.stringMatching(/site\.yaml:1:1: a disguise needs a "cover": the notepad's heading and text$/),
    ]);
  });

  it('is chosen with --profile, --profile=, or SITE_PROFILE, else the default', () => {
    expect(chosenProfile(['--profile', 'disguise'], {})).toBe('disguise');
    expect(chosenProfile(['--profile=disguise'], {})).toBe('disguise');
    expect(chosenProfile([], { SITE_PROFILE: 'disguise' })).toBe('disguise');
    expect(chosenProfile([], {})).toBe('default');
  });

  it('names a missing profile', () => {
    expect(() => readSiteProfile('nowhere')).toThrow('there is no site profile "nowhere"');
  });

  it('points at each wrong field', () => {
    const file = path.join('mine', 'site.yaml');
    const found = problems(
      [
        'name: Notes',
        'theme_color: grey',
        'page_titles: short',
        'colour: red',
        'cover:',
        '  heading: Notes',
      ].join('\n'),
    );
    expect(found.map((line) => line.slice(line.indexOf(file)))).toEqual(
      [
        `${file}:2:14: "theme_color" must be a colour written like "#0e5c63"`,
        `${file}:3:14: "page_titles" must be "full" (the page, then the name) or "name" (only the name)`,
        `${file}:4:1: unknown field "colour": use name, short_name, description, title, theme_color, background_color, page_titles, brand_color, brand_color_dark, cover, disguise, strings, listen`,
        `${file}:6:3: the cover needs "text": one text, or one per language (en:, hi:, ms:, ur:)`,
        `${file}:6:3: the cover needs "button": one text, or one per language (en:, hi:, ms:, ur:)`,
        `${file}:1:1: "description" needs some text`,
      ].sort(byPosition),
    );
  });

  it('refuses a language the app does not have, and a YAML mistake', () => {
    expect(
      problems('name: Notes\ndescription: x\ncover:\n  heading: {fr: Notes}\n  text: a\n  button: b\n'),
    ).toEqual([expect.stringMatching(/site\.yaml:4:13: "fr" is not a language of the app$/)]);
    expect(problems('name: [Notes\n')[0]).toMatch(/site\.yaml:\d+:\d+: /);
  });

  it('refuses invisible direction controls in the name and cover, typed or as escapes', () => {
    expect(problems('name: "Notes \\u2067x"\ndescription: "Notes \u200f"\n')).toEqual([
      expect.stringMatching(
        /site\.yaml:1:14: invisible direction control U\+2067 \(written "\\u2067"\) is not allowed/,
      ),
      expect.stringMatching(/site\.yaml:2:21: invisible direction control U\+200F is not allowed/),
    ]);
  });

  it('needs the icons of the installed app', () => {
    const dir = profile('name: Notes\ndescription: Notes\n');
    rmSync(path.join(dir, 'mine', 'public', 'icons', 'maskable-512.png'));
    expect(() => readSiteProfile('mine', dir)).toThrow(
      /site\.yaml:1:1: the profile has no public\/icons\/maskable-512\.png: draw public\/favicon\.svg, then run npm run icons -- --profile mine/,
    );
  });

  it("sets the brand colour for light and dark colours, after the app's own", () => {
    const disguise = readSiteProfile('disguise');
    expect(disguise.brand).toEqual({ light: '#5f6368', dark: '#b4b9be' });
    expect(siteCss(disguise)).toContain('--brand: light-dark(#5f6368, #b4b9be)');
    expect(siteCss(readSiteProfile('default'))).toBe('');
  });

  it('refuses a brand colour too faint to read, and one without the other', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21);
    const base = 'name: Notes\ndescription: Notes\n';
    expect(problems(`${base}brand_color: "#cccccc"\nbrand_color_dark: "#222222"\n`)).toEqual([
      expect.stringMatching(
        /site\.yaml:3:14: "brand_color" is too close to the light page or its button text \(contrast 1\.6, at least 4\.5 is needed\): choose a darker colour$/,
      ),
      expect.stringMatching(
        /site\.yaml:4:19: "brand_color_dark" is too close to the dark page .*: choose a lighter colour$/,
      ),
    ]);
    expect(problems(`${base}brand_color: "#5f6368"\n`)).toEqual([
      expect.stringMatching(
        /site\.yaml:3:14: give both "brand_color" \(for light colours\) and "brand_color_dark"/,
      ),
    ]);
  });

  it('offers reading aloud in the default profile, not in the disguise, and follows what a profile says', () => {
    expect(readSiteProfile('default').listen).toBe(true);
    expect(siteModule(readSiteProfile('default'))).toContain('"listen":true');
    expect(readSiteProfile('disguise').listen).toBe(false);
    expect(siteModule(readSiteProfile('disguise'))).toContain('"listen":false');
    const read = (yaml: string) => readSiteProfile('mine', profile(yaml)).listen;
    // Without a word about it: on, unless the profile is a disguise.
    expect(read('name: Mine\ndescription: Mine\n')).toBe(true);
    expect(read('name: Mine\ndescription: Mine\nlisten: false\n')).toBe(false);
    const disguised = 'name: Notes\ndescription: Notes\ncover: {heading: Notes, text: None}\n';
    expect(read(`${disguised}disguise: {storage_name: notes, code_word: tulip}\n`)).toBe(false);
    expect(read(`${disguised}disguise: {storage_name: notes, code_word: tulip}\nlisten: true\n`)).toBe(true);
  });

  it('refuses a "listen" that is not true or false, at its place', () => {
    expect(problems('name: Notes\ndescription: Notes\nlisten: sometimes\n')).toEqual([
      expect.stringMatching(/site\.yaml:3:9: "listen" must be true \(lessons can be read aloud\) or false$/),
    ]);
  });
});

function byPosition(a: string, b: string): number {
  const [, la = 0, ca = 0] = /:(\d+):(\d+):/.exec(a)?.map(Number) ?? [];
  const [, lb = 0, cb = 0] = /:(\d+):(\d+):/.exec(b)?.map(Number) ?? [];
  return la - lb || ca - cb;
}
