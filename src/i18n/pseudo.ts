/** Pseudo-localisation: accented, about 35% longer English, placeholders kept (development only). */

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  G: 'Ĝ',
  I: 'Î',
  L: 'Ļ',
  N: 'Ñ',
  O: 'Ö',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  Y: 'Ý',
};

/** One string: letters accented, {{placeholders}} untouched, padded to show where text is cut. */
export function pseudoLocalize(text: string): string {
  const parts = text.split(/(\{\{[^}]*\}\})/);
  const accented = parts
    .map((part) => (part.startsWith('{{') ? part : [...part].map((c) => ACCENTS[c] ?? c).join('')))
    .join('');
  const padding = '·'.repeat(Math.max(1, Math.round(text.length * 0.35)));
  return `[${accented} ${padding}]`;
}

type Tree = { [key: string]: string | Tree };

/** A whole resource tree, pseudo-localised. */
export function pseudoResources(tree: Tree): Tree {
  const result: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    result[key] = typeof value === 'string' ? pseudoLocalize(value) : pseudoResources(value);
  }
  return result;
}
