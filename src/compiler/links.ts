/** Checks and rewrites the links of a lesson: lesson links, safe schemes, external `rel`. */
import type { MarkdownIt, Token } from 'markdown-it';
import { deceptiveLink, type LinkPolicy, STRICT_POLICY } from './link-trust.ts';

/** A link as written, and where: a body line (0-based) and a column (1-based). */
export interface FoundLink {
  href: string;
  line: number;
  col: number;
}

export interface LinkContext {
  locale: string;
  lessonIds: ReadonlySet<string>;
  /** Ids of the glossary's terms, to check `term:` links. */
  termIds: ReadonlySet<string>;
  /** Reports a problem at a 0-based body line and 1-based column. */
  report: (line: number, col: number, message: string) => void;
  /** The lesson body split into lines, to find where a link stands. */
  lines: readonly string[];
  /** What course.yaml allows beyond https-only links. */
  policy?: LinkPolicy;
  /** Collects every link as written, in reading order, for comparing a translation with en.md. */
  found?: FoundLink[];
}

const FORBIDDEN = /^(javascript|vbscript|data|file):/;
const LESSON = /^lesson:([a-z0-9][a-z0-9-]*)$/;
const TERM = /^term:([a-z0-9][a-z0-9-]*)$/;

/** What a link may be: a lesson, a web page, an email address, or a place on the same page. */
function classify(
  href: string,
  context: LinkContext,
): { href: string; external: boolean; term?: string } | string {
  // Browsers ignore control characters and spaces inside a scheme, so compare without them.
  const bare = [...href]
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('')
    .toLowerCase();
  const forbidden = FORBIDDEN.exec(bare);
  if (forbidden) return `links starting with "${forbidden[1]}:" are not allowed`;
  const lesson = LESSON.exec(href);
  if (lesson) {
    const id = lesson[1] ?? '';
    if (!context.lessonIds.has(id)) return `link to a lesson that does not exist: "${id}"`;
    return { href: `#/${context.locale}/lessons/${id}`, external: false };
  }
  const term = TERM.exec(href);
  if (term) {
    const id = term[1] ?? '';
    if (!context.termIds.has(id)) return `"${id}" is not a term of the glossary (glossary/en.md)`;
    return { href: `#/${context.locale}/glossary/${id}`, external: false, term: id };
  }
  if (bare.startsWith('term:')) return `"${href}" is not a glossary link: write term: and a term id`;
  if (bare.startsWith('lesson:')) return `"${href}" is not a lesson link: write lesson: and a lesson id`;
  // The app's Get help page, which lists the help directory's services for the learner's country.
  if (bare === 'help:') return { href: `#/${context.locale}/help`, external: false };
  if (/^https?:\/\/[^/]/.test(bare) || bare.startsWith('mailto:')) return { href, external: true };
  return `links must start with https://, http://, mailto:, lesson: or term: (found "${href}")`;
}

/**
 * Where to look for a block's next link. Links are checked in reading order, so each is looked for
 * after the one before: two equal links get a place each, and a line of many links is read once.
 */
interface Cursor {
  line: number;
  col: number;
  /**
   * How many more searches may find nothing. A link written otherwise than it reads (with entities,
   * say) is not found, and each such search reads to the end of the block: bounded, so that a
   * hostile block of many such links takes linear time.
   */
  misses: number;
}

/** Searches that may find nothing, per block: plenty for a real lesson. */
const MISSES = 20;

/** Finds where `needle` stands from the cursor up to body line `to`, for an error position. */
function locate(lines: readonly string[], to: number, needle: string, cursor: Cursor): [number, number] {
  if (cursor.misses > 0) {
    for (let line = cursor.line; line < to; line++) {
      const at = lines[line]?.indexOf(needle, line === cursor.line ? cursor.col : 0) ?? -1;
      if (at >= 0) {
        cursor.line = line;
        cursor.col = at + needle.length;
        return [line, at + 1];
      }
    }
    cursor.misses--;
  }
  // Not found as written: at least the line where the search started.
  return [cursor.line, 1];
}

/**
 * Walks the inline tokens of one block (body lines [from, to)), reports bad links and images,
 * and rewrites good links in place so that rendering them gives safe HTML.
 */
export function checkLinks(children: Token[], from: number, to: number, context: LinkContext): void {
  const cursor: Cursor = { line: from, col: 0, misses: MISSES };
  // Links are also found for `context.found`, with a cursor of their own so as not to skip images.
  const linkCursor: Cursor = { line: from, col: 0, misses: MISSES };
  const end = Math.max(to, from + 1);
  // The link being read: its target and the text shown for it so far.
  let open: { href: string; text: string; token: Token } | undefined;
  for (const token of children) {
    if (token.type === 'image') {
      const src = String(token.attrGet('src') ?? '');
      const [line, col] = locate(context.lines, end, src || '![', cursor);
      context.report(line, col, 'images are not supported in lessons yet: describe the picture in words');
      token.attrSet('src', '');
      continue;
    }
    if (open && (token.type === 'text' || token.type === 'code_inline')) open.text += token.content;
    if (token.type === 'link_close' && open) {
      const problem = deceptiveLink(open.href, open.text, context.policy ?? STRICT_POLICY);
      if (problem) {
        // After its text, as written: "[text](address)".
        const [line, col] = locate(context.lines, end, open.href, cursor);
        context.report(line, col, problem);
        open.token.attrSet('href', '#');
      }
      open = undefined;
      continue;
    }
    if (token.type !== 'link_open') continue;
    const href = String(token.attrGet('href') ?? '');
    if (context.found) {
      const [line, col] = locate(context.lines, end, href, linkCursor);
      context.found.push({ href, line, col });
    }
    const verdict = classify(href, context);
    if (typeof verdict === 'string') {
      const [line, col] = locate(context.lines, end, href, cursor);
      context.report(line, col, verdict);
      token.attrSet('href', '#');
      continue;
    }
    open = { href, text: '', token };
    token.attrSet('href', verdict.href);
    // The app shows a term's definition in place when its link is followed.
    if (verdict.term) {
      token.attrSet('class', 'term');
      token.attrSet('data-term', verdict.term);
    }
    if (verdict.external) {
      token.attrSet('target', '_blank');
      token.attrSet('rel', 'noopener noreferrer');
    }
  }
}

/**
 * Renders a glossary link as a button: the app shows the term's definition next to it when pressed
 * (`aria-expanded` says whether it is shown). Other links render as usual.
 */
export function termButtonsPlugin(md: MarkdownIt): void {
  const open = md.renderer.rules.link_open;
  const close = md.renderer.rules.link_close;
  const terms: boolean[] = [];
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const term = token?.attrGet('data-term');
    terms.push(Boolean(term));
    if (!term)
      return open ? open(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
    return `<button type="button" class="term" data-term="${md.utils.escapeHtml(String(term))}" aria-expanded="false">`;
  };
  md.renderer.rules.link_close = (tokens, index, options, env, self) => {
    if (terms.pop()) return '</button>';
    return close ? close(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
  };
}
