/**
 * Site profiles: how the app presents itself on a phone (name, icon, colours, page titles and,
 * for a disguise, a neutral first screen). Each profile is a folder of `site/`, chosen at build
 * time with `npm run build -- --profile <name>` or `SITE_PROFILE=<name>`; see docs/site-profiles.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { isLocale } from '../shared/locales.ts';
import type { SiteCover, SiteText } from '../shared/site.ts';
import { findDirectionControls } from './bidi.ts';
import { type ContentError, ContentErrors } from './errors.ts';
import { readDisguise, readStrings, type SiteDisguise, type SiteStrings } from './site-disguise.ts';
import { parseYaml } from './yaml.ts';

export const SITE_DIR = 'site';
export const DEFAULT_PROFILE = 'default';
/** The name interface strings use for the app; a profile's name takes its place in the build. */
export const PRODUCT_NAME = 'Safe Online';
/** Files every profile's `public/` folder must have: the browser icon and the installed app's icons. */
export const PROFILE_ICONS = [
  'favicon.svg',
  'icons/icon-192.png',
  'icons/icon-512.png',
  'icons/maskable-512.png',
];

export interface SiteProfile {
  /** The profile's folder name, e.g. "default" or "disguise". */
  id: string;
  name: string;
  shortName: string;
  description: string;
  /** The page title: in the browser tab, the list of open apps and the browser history. */
  title: string;
  themeColor: string;
  backgroundColor: string;
  /** True when every page's title is just `title`, without the kind of page (no title names a lesson). */
  plainTitles: boolean;
  /** A neutral first screen shown when the app is opened, before anything else. */
  cover?: SiteCover;
  /** The colour of the header, buttons and links, in light and in dark colours, if not the app's own. */
  brand?: { light: string; dark: string };
  /** A disguise that holds: notepad cover, opaque addresses and file names, neutral names on the phone. */
  disguise?: SiteDisguise;
  /** Interface strings this profile says otherwise, per language ("Close" for "Quick exit"). */
  strings: SiteStrings;
  /** Lessons may be read aloud with the phone's own voices (off by default in a disguise). */
  listen: boolean;
  /** Folder whose files are copied into the site as they are (the icons). */
  publicDir: string;
}

const WHERE = 'the site profile';
const COLOUR = /^#[0-9a-f]{6}$/i;
const PROFILE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The profile asked for: `--profile <name>` or `--profile=<name>`, else SITE_PROFILE, else the default. */
export function chosenProfile(argv: readonly string[] = [], env = process.env): string {
  const at = argv.findIndex((arg) => arg === '--profile' || arg.startsWith('--profile='));
  const fromArgs = at < 0 ? undefined : argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  return fromArgs || env.SITE_PROFILE || DEFAULT_PROFILE;
}

/** Reads and checks `site/<id>/site.yaml`; throws ContentErrors (`path:line:col: message`) when it is wrong. */
export function readSiteProfile(id: string, root = SITE_DIR, localesDir = 'locales'): SiteProfile {
  const folder = path.join(root, id);
  const file = path.join(folder, 'site.yaml');
  const errors: ContentError[] = [];
  if (!PROFILE_ID.test(id) || !existsSync(file)) {
    throw new ContentErrors(
      [{ file, line: 1, col: 1, message: `there is no site profile "${id}": ${file} was not found` }],
      WHERE,
    );
  }
  const report = (line: number, col: number, message: string) => errors.push({ file, line, col, message });
  const source = readFileSync(file, 'utf8');
  // The name and cover are shown on the phone: nothing may reorder them unseen.
  findDirectionControls(source, report, true);
  const { doc, position } = parseYaml(source, report);
  const at = (node: Node | null | undefined, message: string) => {
    const { line, col } = position(node?.range?.[0]);
    report(line, col, message);
  };
  if (errors.length > 0) throw new ContentErrors(errors, WHERE);

  const root_ = doc.contents;
  if (!isMap(root_)) {
    throw new ContentErrors([{ file, line: 1, col: 1, message: 'the site file needs "name:"' }], WHERE);
  }
  const known = new Set([
    'name',
    'short_name',
    'description',
    'title',
    'theme_color',
    'background_color',
    'page_titles',
    'brand_color',
    'brand_color_dark',
    'cover',
    'disguise',
    'strings',
    'listen',
  ]);
  for (const pair of root_.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!known.has(key)) at(pair.key as Node, `unknown field "${key}": use ${[...known].join(', ')}`);
  }
  const text = (key: string, fallback?: string): string => {
    const node = root_.get(key, true) as Node | undefined;
    if (node === undefined && fallback !== undefined) return fallback;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      at(node ?? root_, `"${key}" needs some text`);
      return fallback ?? '';
    }
    return node.value.trim();
  };
  const colour = (key: string): string => {
    const value = text(key, '#ffffff');
    if (!COLOUR.test(value))
      at(root_.get(key, true) as Node, `"${key}" must be a colour written like "#0e5c63"`);
    return value;
  };
  const name = text('name');
  const brand = readBrand(root_, colour, at);
  const titles = root_.get('page_titles', true) as Node | undefined;
  const titleMode = titles === undefined ? 'full' : isScalar(titles) ? String(titles.value) : '';
  if (titleMode !== 'full' && titleMode !== 'name') {
    at(titles, '"page_titles" must be "full" (the page, then the name) or "name" (only the name)');
  }
  const profile: SiteProfile = {
    id,
    name,
    shortName: text('short_name', name),
    description: text('description'),
    title: text('title', name),
    themeColor: colour('theme_color'),
    backgroundColor: colour('background_color'),
    plainTitles: titleMode === 'name',
    cover: readCover(root_.get('cover', true) as Node | undefined, at, root_),
    brand,
    disguise: readDisguise(root_.get('disguise', true) as Node | undefined, at),
    strings: readStrings(root_.get('strings', true) as Node | undefined, at, localesDir),
    listen: readListen(root_, at),
    publicDir: path.join(folder, 'public'),
  };
  for (const icon of PROFILE_ICONS) {
    if (!existsSync(path.join(profile.publicDir, icon))) {
      errors.push({
        file,
        line: 1,
        col: 1,
        message: `the profile has no ${path.join('public', icon)}: draw public/favicon.svg, then run npm run icons -- --profile ${id}`,
      });
    }
  }
  if (profile.disguise && !profile.cover)
    at(root_, 'a disguise needs a "cover": the notepad\'s heading and text');
  if (errors.length > 0) throw new ContentErrors(errors, WHERE);
  return profile;
}

type At = (node: Node | null | undefined, message: string) => void;

/** The app's own light and dark page colours, and the text on its buttons, which a brand colour must stand out from. */
const PAGE = { light: '#ffffff', dark: '#111719' };
const BUTTON_TEXT = { light: '#ffffff', dark: '#0b1214' };

/** The WCAG contrast ratio of two colours written #rrggbb. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
      const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `brand_color` and `brand_color_dark`, both or neither, each readable as links and as buttons. */
function readBrand(
  root: YAMLMap,
  colour: (key: string) => string,
  at: At,
): { light: string; dark: string } | undefined {
  const light = root.get('brand_color', true) as Node | undefined;
  const dark = root.get('brand_color_dark', true) as Node | undefined;
  if (light === undefined && dark === undefined) return undefined;
  if (light === undefined || dark === undefined) {
    at(
      light ?? dark,
      'give both "brand_color" (for light colours) and "brand_color_dark" (for dark colours)',
    );
    return undefined;
  }
  const brand = { light: colour('brand_color'), dark: colour('brand_color_dark') };
  for (const mode of ['light', 'dark'] as const) {
    const lowest = Math.min(contrast(brand[mode], PAGE[mode]), contrast(brand[mode], BUTTON_TEXT[mode]));
    if (lowest < 4.5) {
      at(
        mode === 'light' ? light : dark,
        `"${mode === 'light' ? 'brand_color' : 'brand_color_dark'}" is too close to the ${mode} page or its button text (contrast ${lowest.toFixed(1)}, at least 4.5 is needed): choose a ${mode === 'light' ? 'darker' : 'lighter'} colour`,
      );
    }
  }
  return brand;
}

/**
 * `listen:`, true or false. A phone reading a lesson aloud gives a disguise away to anyone within
 * earshot, so a profile with `disguise:` leaves it out unless it says `listen: true`.
 */
function readListen(root: YAMLMap, at: At): boolean {
  const node = root.get('listen', true) as Node | undefined;
  if (node === undefined) return !root.has('disguise');
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  at(node, '"listen" must be true (lessons can be read aloud) or false');
  return false;
}

/** `cover:` with heading, text and (unless the cover is a disguise's notepad) button, each one text or one per language. */
function readCover(node: Node | undefined, at: At, root?: YAMLMap): SiteCover | undefined {
  if (node === undefined) return undefined;
  if (!isMap(node)) {
    at(node, '"cover" needs "heading", "text" and "button"');
    return undefined;
  }
  const field = (key: 'heading' | 'text' | 'button', optional = false): SiteText => {
    const value = node.get(key, true) as Node | undefined;
    if (value === undefined && optional) return '';
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim()) return value.value.trim();
    if (isMap(value) && value.items.length > 0) {
      const texts: Record<string, string> = {};
      for (const pair of value.items) {
        const locale = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!isLocale(locale)) at(pair.key as Node, `"${locale}" is not a language of the app`);
        else if (isScalar(pair.value) && typeof pair.value.value === 'string')
          texts[locale] = pair.value.value.trim();
        else at((pair.value as Node | null) ?? value, `cover ${key} in "${locale}" needs some text`);
      }
      return texts;
    }
    at(value ?? node, `the cover needs "${key}": one text, or one per language (en:, hi:, ms:, ur:)`);
    return '';
  };
  // A notepad (see disguise:) is opened by its code word, not a button.
  const notepad = isMap(root) && root.has('disguise');
  return { heading: field('heading'), text: field('text'), button: field('button', notepad) };
}

/** The profile's brand colour as CSS, after the app's own, or nothing. */
export function siteCss(profile: SiteProfile): string {
  const { brand } = profile;
  if (!brand) return '';
  return [
    `:root { --brand: ${brand.light}; }`,
    `@supports (color: light-dark(white, black)) { :root { --brand: light-dark(${brand.light}, ${brand.dark}); } }`,
  ].join('\n');
}

/** What the app itself needs to know of the profile, as a module. */
export function siteModule(profile: SiteProfile): string {
  const { name, title, plainTitles, cover, disguise, listen } = profile;
  const notepad = disguise ? { codeWord: disguise.codeWord } : null;
  return `export default ${JSON.stringify({ name, title, plainTitles, cover: cover ?? null, notepad, listen })};`;
}

const MODULE = 'virtual:site';
const STYLES = 'virtual:site.css';

/** Serves `virtual:site` and puts the profile's name, title, description and colour into index.html. */
export function sitePlugin(profile: SiteProfile): Plugin {
  const escapeHtml = (text: string) =>
    text.replace(
      /[&<>"]/g,
      (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char,
    );
  const values: Record<string, string> = {
    SITE_NAME: profile.name,
    SITE_TITLE: profile.title,
    SITE_DESCRIPTION: profile.description,
    SITE_THEME_COLOR: profile.themeColor,
  };
  return {
    name: 'safe-online-site',
    resolveId(id) {
      return id === MODULE || id === STYLES ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${STYLES}`) return siteCss(profile);
      return id === `\0${MODULE}` ? siteModule(profile) : null;
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) =>
        html.replace(/%(SITE_[A-Z_]+)%/g, (match, key: string) => escapeHtml(values[key] ?? match)),
    },
  };
}

/** The web app manifest's fields that follow the profile. */
export function manifestFields(profile: SiteProfile) {
  return {
    name: profile.name,
    short_name: profile.shortName,
    description: profile.description,
    theme_color: profile.themeColor,
    background_color: profile.backgroundColor,
  };
}
