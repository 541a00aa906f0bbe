/**
 * Help-now flows (`help/flows/<id>/<locale>.md` in the lessons folder): compiled with the lessons'
 * markdown pipeline (links, direction controls and bidi isolation as strict as in lessons), then
 * checked as a whole (help-flow-checks.ts). Translations keep the English structure exactly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Token } from 'markdown-it';
import type { HelpDirectory } from '../shared/help.ts';
import type { FlowStep, HelpFlow } from '../shared/help-flows.ts';
import { direction, isLocale, SOURCE_LOCALE } from '../shared/locales.ts';
import { type BidiEnv, findDirectionControls } from './bidi.ts';
import type { ContainerEnv } from './containers.ts';
import type { ContentError } from './errors.ts';
import { splitFlow } from './front-matter.ts';
import { HELP_FOLDER } from './help-directory.ts';
import { flowHash, readCard } from './help-flow-card.ts';
import { checkEnding, checkPaths, compareFlows } from './help-flow-checks.ts';
import { type FlowPlaces, readStep } from './help-flow-steps.ts';
import { type LinkPolicy, STRICT_POLICY } from './link-trust.ts';
import { checkLinks, type FoundLink } from './links.ts';
import { createMarkdown, inside, topLevelBlocks } from './markdown.ts';
import { compareLinks } from './translation-links.ts';

/** Where flows live inside the lessons folder: `help/flows/<flow-id>/<locale>.md`. */
export const FLOWS_FOLDER = path.join(HELP_FOLDER, 'flows');

export interface FlowSource {
  source: string;
  /** Path shown in error messages. */
  file: string;
  /** The flow's folder name: its id. */
  folderId: string;
  locale: string;
  lessonIds: ReadonlySet<string>;
  /** Who the endings may send the learner to; null when the course has no directory. */
  directory: HelpDirectory | null;
  /** Set for a translation: the compiled English flow (null when en.md has errors). */
  english?: EnglishFlow | null;
  policy?: LinkPolicy;
}

/** What a translation takes from its English flow. */
export interface EnglishFlow {
  flow: HelpFlow;
  hash: string;
  links: readonly string[];
}

export interface CompiledFlow {
  flow: HelpFlow | null;
  errors: ContentError[];
  /** For en.md: the hash translations record as `source_hash`. */
  hash: string | null;
  /** For a translation: the `source_hash` it records. */
  sourceHash: string | null;
  links: string[];
}

const md = createMarkdown();

/** Compiles one flow file; every problem is in `errors` with its line and column. */
export function compileFlow(input: FlowSource): CompiledFlow {
  const errors: ContentError[] = [];
  const report = (line: number, col: number, message: string) =>
    errors.push({ file: input.file, line, col, message });
  const isTranslation = input.english !== undefined;
  const source = input.source.replace(/\r\n?/g, '\n');
  findDirectionControls(source, report);
  const { meta, body, bodyLine } = splitFlow(source, input.folderId, report, isTranslation);
  const empty: CompiledFlow = { flow: null, errors, hash: null, sourceHash: null, links: [] };
  if (body === null) return empty;
  const lines = body.split('\n');
  const reportBody = (line: number, col: number, message: string) =>
    report(bodyLine + line + 1, col, message);
  const env: ContainerEnv & BidiEnv = { rtl: direction(input.locale) === 'rtl' };
  const tokens = md.parse(body, env);
  for (const problem of env.containerProblems ?? []) reportBody(problem.line, 1, problem.message);

  const found: FoundLink[] = [];
  const linkContext = {
    locale: input.locale,
    lessonIds: input.lessonIds,
    // A flow is read in a hurry: no glossary buttons, so no term links.
    termIds: new Set<string>(),
    report: reportBody,
    lines,
    policy: input.policy,
    found,
  };
  const places: FlowPlaces = { at: new Map() };
  const context = {
    md,
    env,
    lines,
    report: reportBody,
    links: (children: Token[], from: number, to: number) => checkLinks(children, from, to, linkContext),
    place: (key: string, line: number, col: number) => {
      if (!places.at.has(key)) places.at.set(key, { line: bodyLine + line + 1, col });
    },
  };
  const steps: FlowStep[] = [];
  // A step that could not be read would make every answer leading to it an error too: say it once.
  let unread = 0;
  for (const block of topLevelBlocks(tokens)) {
    const open = block[0];
    const line = open?.map?.[0] ?? 0;
    if (open?.type !== 'container_open') {
      reportBody(line, 1, 'write each step in a "::: question <id>" or "::: ending <id>" block');
      continue;
    }
    const step = readStep(open, inside(block), context);
    if (!step) unread++;
    else if (steps.some((other) => other.id === step.id)) {
      const col = (lines[line] ?? '').indexOf(` ${step.id}`) + 2;
      reportBody(line, col, `step "${step.id}" is written twice: give each step its own id`);
    } else steps.push(step);
  }
  const top = bodyLine + 1;
  const english = input.english;
  if (!isTranslation && unread === 0) {
    checkPaths(steps, places, top, report);
  }
  if (!isTranslation) {
    for (const step of steps)
      if (step.kind === 'ending') checkEnding(step, places, input.directory, input.lessonIds, report);
  } else if (english) {
    compareFlows(english.flow, steps, places, top, report);
    compareLinks(english.links, found, input.locale, input.policy ?? STRICT_POLICY, reportBody);
  }
  const links = found.map((link) => link.href);
  if (!meta) return { ...empty, links };
  // A translation is held to en.md's number of steps; without a usable en.md, to its own.
  const englishCount = isTranslation ? (english?.flow.card.length ?? meta.card.items.length) : undefined;
  const flow: HelpFlow = {
    id: meta.id,
    locale: input.locale,
    title: meta.title,
    summary: meta.summary,
    card: readCard(meta.card, md, env, report, englishCount),
    steps,
  };
  if (!isTranslation) return { flow, errors, hash: flowHash(meta, body), sourceHash: null, links };
  if (!english) return { ...empty, links, sourceHash: meta.sourceHash };
  flow.translation = { status: meta.status ?? 'draft', stale: meta.sourceHash !== english.hash };
  return { flow, errors, hash: null, sourceHash: meta.sourceHash, links };
}

/** Every flow in every language, by flow id then locale; translations are checked against en.md. */
export function compileFlows(
  dir: string,
  options: {
    lessonIds: ReadonlySet<string>;
    directory: HelpDirectory | null;
    policy: LinkPolicy;
    display: (file: string) => string;
  },
  errors: ContentError[],
  files: string[],
): Map<string, Map<string, CompiledFlow>> {
  const flows = new Map<string, Map<string, CompiledFlow>>();
  const folder = path.join(dir, FLOWS_FOLDER);
  if (!existsSync(folder)) return flows;
  const ids = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const id of ids) {
    const results = new Map<string, CompiledFlow>();
    const compile = (locale: string, english?: EnglishFlow | null) => {
      const file = path.join(folder, id, `${locale}.md`);
      files.push(file);
      const result = compileFlow({
        ...options,
        source: readFileSync(file, 'utf8'),
        file: options.display(file),
        folderId: id,
        locale,
        english,
      });
      errors.push(...result.errors);
      results.set(locale, result);
      return result;
    };
    const locales = readdirSync(path.join(folder, id))
      .filter((name) => name.endsWith('.md') && isLocale(name.slice(0, -3)))
      .map((name) => name.slice(0, -3))
      .sort();
    if (!locales.includes(SOURCE_LOCALE)) {
      const message = `no ${SOURCE_LOCALE}.md in this flow`;
      errors.push({ file: options.display(path.join(folder, id)), line: 1, col: 1, message });
      continue;
    }
    const english = compile(SOURCE_LOCALE);
    const source =
      english.flow && english.hash && english.errors.length === 0
        ? { flow: english.flow, hash: english.hash, links: english.links }
        : null;
    for (const locale of locales) if (locale !== SOURCE_LOCALE) compile(locale, source);
    flows.set(id, results);
  }
  return flows;
}

/** The flows in `locale`, each in English where it is not translated (or its translation failed). */
export function flowsIn(flows: Map<string, Map<string, CompiledFlow>>, locale: string): HelpFlow[] {
  return [...flows.values()].flatMap((byLocale) => {
    const flow = byLocale.get(locale)?.flow ?? byLocale.get(SOURCE_LOCALE)?.flow;
    return flow ? [flow] : [];
  });
}
