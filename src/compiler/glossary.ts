/** Compiles the glossary (`glossary/<locale>.md`): `::: term <id>` blocks, the term's name, its definition. */
import { direction } from '../shared/locales.ts';
import type { Glossary, GlossaryTerm } from '../shared/types.ts';
import type { BidiEnv } from './bidi.ts';
import { findDirectionControls } from './bidi.ts';
import type { ContainerEnv } from './containers.ts';
import type { ContentError } from './errors.ts';
import { splitGlossary } from './front-matter.ts';
import { STRICT_POLICY } from './link-trust.ts';
import { checkLinks, type FoundLink } from './links.ts';
import { createMarkdown, inside, topLevelBlocks } from './markdown.ts';
import { ID } from './questions.ts';
import { sourceHash } from './source-hash.ts';
import { compareLinks } from './translation-links.ts';

/** The folder, inside the lessons folder, that holds the glossary rather than a lesson. */
export const GLOSSARY_FOLDER = 'glossary';

export interface GlossarySource {
  source: string;
  file: string;
  locale: string;
  lessonIds: ReadonlySet<string>;
  /** Set for a translation: the English glossary, its hash and its link targets. */
  english?: { glossary: Glossary; hash: string; links: readonly string[] } | null;
}

export interface CompiledGlossary {
  glossary: Glossary | null;
  errors: ContentError[];
  hash: string | null;
  sourceHash: string | null;
  /** Every link target of the definitions, in reading order. */
  links: string[];
}

const md = createMarkdown();

/** Compiles one glossary file; every problem is in `errors` with its line and column. */
export function compileGlossary(input: GlossarySource): CompiledGlossary {
  const errors: ContentError[] = [];
  const report = (line: number, col: number, message: string) =>
    errors.push({ file: input.file, line, col, message });
  const isTranslation = input.english !== undefined;
  findDirectionControls(input.source, report);
  const { meta, body, bodyLine } = splitGlossary(input.source, report, isTranslation);
  if (body === null) return { glossary: null, errors, hash: null, sourceHash: null, links: [] };
  const lines = body.split(/\r?\n/);
  const reportBody = (line: number, col: number, message: string) =>
    report(bodyLine + line + 1, col, message);
  const env: ContainerEnv & BidiEnv = { rtl: direction(input.locale) === 'rtl' };
  const tokens = md.parse(body, env);
  for (const problem of env.containerProblems ?? []) reportBody(problem.line, 1, problem.message);
  const found: FoundLink[] = [];
  const links = {
    locale: input.locale,
    lessonIds: input.lessonIds,
    termIds: new Set<string>(),
    report: reportBody,
    lines,
    found,
  };

  const terms: GlossaryTerm[] = [];
  const seen = new Set<string>();
  for (const block of topLevelBlocks(tokens)) {
    const open = block[0];
    const line = open?.map?.[0] ?? 0;
    const [kind, id = '', ...extra] = open?.type === 'container_open' ? open.info.split(/\s+/) : [];
    if (kind !== 'term') {
      reportBody(line, 1, 'the glossary holds only "::: term <id>" blocks');
      continue;
    }
    if (!ID.test(id) || extra.length > 0) {
      reportBody(line, 1, 'a term starts "::: term ID", with an id using a-z, 0-9 and "-"');
      continue;
    }
    if (seen.has(id)) reportBody(line, 1, `term "${id}" is defined twice`);
    seen.add(id);
    const [name, ...definition] = topLevelBlocks(inside(block));
    const nameText = name?.[0]?.type === 'paragraph_open' ? (name[1]?.content ?? '').trim() : '';
    if (!nameText || definition.length === 0) {
      reportBody(line, 1, `term "${id}": write its name on one line, a blank line, then its definition`);
      continue;
    }
    const definitionTokens = definition.flat();
    for (const token of definitionTokens) {
      if (token.type === 'inline' && token.children)
        checkLinks(token.children, token.map?.[0] ?? 0, token.map?.[1] ?? 0, links);
    }
    terms.push({ id, term: nameText, html: md.renderer.render(definitionTokens, md.options, env) });
  }
  if (terms.length === 0 && errors.length === 0) reportBody(0, 1, 'the glossary has no terms');

  const english = input.english;
  if (english) {
    const ids = (list: GlossaryTerm[]) => list.map((term) => term.id);
    const missing = ids(english.glossary.terms).filter((id) => !seen.has(id));
    const extra = ids(terms).filter((id) => !english.glossary.terms.some((term) => term.id === id));
    if (missing.length > 0) reportBody(0, 1, `terms of en.md missing here: ${missing.join(', ')}`);
    if (extra.length > 0) reportBody(0, 1, `terms not in en.md: ${extra.join(', ')}`);
  }
  // A translation cannot send readers elsewhere than the English glossary does.
  if (english) compareLinks(english.links, found, input.locale, STRICT_POLICY, reportBody);
  const hrefs = found.map((link) => link.href);
  if (!meta) return { glossary: null, errors, hash: null, sourceHash: null, links: hrefs };
  const glossary: Glossary = { locale: input.locale, title: meta.title, summary: meta.summary, terms };
  if (!english)
    return {
      glossary,
      errors,
      hash: sourceHash(meta.title, meta.summary, body),
      sourceHash: null,
      links: hrefs,
    };
  glossary.translation = { status: meta.status ?? 'draft', stale: meta.sourceHash !== english.hash };
  return { glossary, errors, hash: null, sourceHash: meta.sourceHash, links: hrefs };
}
