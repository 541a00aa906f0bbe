/** Right-to-left text: isolating Latin runs, and refusing invisible direction overrides. */
import type { MarkdownIt } from 'markdown-it';

/**
 * Invisible characters that change the order text is shown in, and can make a reader see
 * "5678 1234" where "1234 5678" is written: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. The compiler isolates Latin runs with
 * <bdi> itself, so no file needs them. They are also found written as an HTML character reference
 * (`&#x202E;`, `&#8238;`, `&rlm;`), which a lesson shows decoded. (Autolinks show their address as
 * written: see markdown.ts.)
 */
const CONTROLS =
  /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|&#[xX]0*(?:61[cC]|200[eEfF]|202[a-eA-E]|206[6-9]);|&#0*(?:1564|820[67]|823[4-8]|829[4-7]);|&(?:lrm|rlm);/g;
/** In YAML and JSON, and a lesson's front matter, also as an escape in a quoted value (`"\u202E"`). */
const ESCAPED_CONTROLS = new RegExp(
  String.raw`${CONTROLS.source}|\\(?:u|U0000)(?:061[cC]|200[eEfF]|202[a-eA-E]|206[6-9])`,
  'g',
);

/** The character a match stands for: itself, or the one its escape writes. */
function codePoint(match: string): number {
  if (match.length === 1) return match.codePointAt(0) ?? 0;
  if (match === '&lrm;') return 0x200e;
  if (match === '&rlm;') return 0x200f;
  const decimal = /^&#(\d+);$/.exec(match);
  if (decimal) return Number(decimal[1]);
  return Number.parseInt(match.replace(/^(&#[xX]|\\[uU])|;$/g, ''), 16);
}

/**
 * Reports every direction control character, with its line and column (both 1-based). In a
 * lesson, escapes count only in the front matter; `escapes` makes them count everywhere (YAML, JSON).
 */
export function findDirectionControls(
  source: string,
  report: (line: number, col: number, message: string) => void,
  escapes = false,
) {
  const lines = source.split(/\r?\n/);
  // The front matter: between a first line '---' and the next '---'.
  const frontMatterEnd =
    lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && line.trim() === '---') : -1;
  lines.forEach((text, index) => {
    for (const match of text.matchAll(escapes || index < frontMatterEnd ? ESCAPED_CONTROLS : CONTROLS)) {
      const code = codePoint(match[0]).toString(16).toUpperCase().padStart(4, '0');
      const written = match[0].length > 1 ? ` (written "${match[0]}")` : '';
      report(
        index + 1,
        (match.index ?? 0) + 1,
        `invisible direction control U+${code}${written} is not allowed: delete it`,
      );
    }
  });
}

// A run of Latin words, with the spaces and punctuation between them (e.g. "Settings > Privacy").
const LATIN_RUN = /[A-Za-z0-9]+(?:[ .,:;/>\-–_'’&+@#]+[A-Za-z0-9]+)*/g;

export interface BidiEnv {
  [key: string | symbol]: unknown;
  rtl?: boolean;
}

/**
 * In right-to-left lessons, wraps Latin runs (product names, URLs, menu paths) in <bdi> and marks
 * code as left to right, so their letters and punctuation keep their order inside Urdu text.
 */
export function bidiPlugin(md: MarkdownIt): void {
  const escapeHtml = md.utils.escapeHtml;
  const text = md.renderer.rules.text;
  md.renderer.rules.text = (tokens, index, options, env: BidiEnv | undefined, self) => {
    if (!env?.rtl)
      return text ? text(tokens, index, options, env, self) : escapeHtml(tokens[index]?.content ?? '');
    const content = tokens[index]?.content ?? '';
    let html = '';
    let last = 0;
    for (const match of content.matchAll(LATIN_RUN)) {
      const at = match.index ?? 0;
      html += escapeHtml(content.slice(last, at));
      html += /[A-Za-z]/.test(match[0]) ? `<bdi>${escapeHtml(match[0])}</bdi>` : escapeHtml(match[0]);
      last = at + match[0].length;
    }
    return html + escapeHtml(content.slice(last));
  };
  for (const rule of ['code_inline', 'code_block', 'fence'] as const) {
    const original = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, index, options, env: BidiEnv | undefined, self) => {
      const token = tokens[index];
      if (env?.rtl && token) token.attrSet('dir', 'ltr');
      return original
        ? original(tokens, index, options, env, self)
        : self.renderToken(tokens, index, options);
    };
  }
}
