/**
 * The checks that make a help-now flow safe to follow in an emergency: every step reachable, every
 * path ending, no loop, every ending with something to do and someone to contact in every country,
 * and a translation that leads exactly where the English does.
 */
import { entriesHelpingWith, HELP_CATEGORIES, HELP_COUNTRIES, type HelpDirectory } from '../shared/help.ts';
import type { FlowEnding, FlowStep, HelpFlow } from '../shared/help-flows.ts';
import type { FlowPlaces } from './help-flow-steps.ts';

type Report = (line: number, col: number, message: string) => void;

/** Where a key stands, or the top of the body. */
function where(places: FlowPlaces, key: string, fallback: number): [number, number] {
  const place = places.at.get(key);
  return place ? [place.line, place.col] : [fallback, 1];
}

/** Ids, targets, reachability and loops of the English flow. */
export function checkPaths(
  steps: readonly FlowStep[],
  places: FlowPlaces,
  bodyLine: number,
  report: Report,
): void {
  const at = (key: string) => where(places, key, bodyLine);
  // Steps are unique by now: compileFlow reports a second step with the same id and leaves it out.
  const byId = new Map(steps.map((step) => [step.id, step]));
  const first = steps[0];
  if (!first) {
    report(bodyLine, 1, 'the flow has no steps: start with a "::: question" block');
    return;
  }
  if (first.kind !== 'question') report(...at(first.id), 'a flow starts with a question');
  for (const step of steps) {
    if (step.kind === 'question') {
      step.answers.forEach((answer, index) => {
        if (!byId.has(answer.to))
          report(
            ...at(`${step.id}/${index}`),
            `this answer leads to "${answer.to}", but there is no such step`,
          );
      });
      if (step.answers.length === 0)
        report(...at(step.id), `question "${step.id}" leads nowhere: give it answers`);
    } else if (step.back !== undefined && byId.get(step.back)?.kind !== 'question') {
      report(
        ...at(`${step.id}@back`),
        `back=${step.back}: there is no question "${step.back}" to go back to`,
      );
    }
  }
  // Depth first from the start: a step met again while it is still being followed is a loop.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (step: FlowStep) => {
    state.set(step.id, 'open');
    if (step.kind === 'question') {
      step.answers.forEach((answer, index) => {
        const next = byId.get(answer.to);
        if (!next) return;
        if (state.get(next.id) === 'open') {
          report(
            ...at(`${step.id}/${index}`),
            `this answer leads back to "${answer.to}", so the flow would go round in circles: only an ending may lead back, with back=`,
          );
        } else if (!state.has(next.id)) visit(next);
      });
    }
    state.set(step.id, 'done');
  };
  visit(first);
  for (const step of byId.values()) {
    if (!state.has(step.id))
      report(
        ...at(step.id),
        `no answer leads to step "${step.id}": link to it from a question, or remove it`,
      );
  }
}

/** Each ending has something to do, kinds of help every country has, and lessons that exist. */
export function checkEnding(
  ending: FlowEnding,
  places: FlowPlaces,
  directory: HelpDirectory | null,
  lessonIds: ReadonlySet<string>,
  report: Report,
): void {
  const [line, col] = where(places, ending.id, 1);
  if (ending.doNow.length === 0)
    report(line, col, `ending "${ending.id}" needs at least one thing to do now`);
  const [helpLine, helpCol] = where(places, `${ending.id}@help`, line);
  if (ending.help.length === 0)
    report(line, col, `ending "${ending.id}" must say who to contact: add help= with a kind of help`);
  for (const category of ending.help) {
    if (!(HELP_CATEGORIES as readonly string[]).includes(category)) {
      report(helpLine, helpCol, `"${category}" is not a kind of help: use ${HELP_CATEGORIES.join(', ')}`);
      continue;
    }
    const missing = HELP_COUNTRIES.filter(
      (country) => !directory || entriesHelpingWith(directory, country, category).length === 0,
    );
    if (missing.length > 0)
      report(
        helpLine,
        helpCol,
        `no service in help/directory.yaml helps with "${category}" in ${missing.join(', ')}, and no international one does: add one, or ask for another kind of help`,
      );
  }
  const [readLine, readCol] = where(places, `${ending.id}@read`, line);
  for (const id of ending.read)
    if (!lessonIds.has(id)) report(readLine, readCol, `read=: there is no lesson "${id}"`);
}

/** The structure a translation must keep: steps, answers' targets, endings' attributes and list lengths. */
function shape(step: FlowStep): string {
  if (step.kind === 'question') return `question ${step.id} → ${step.answers.map((a) => a.to).join(', ')}`;
  return `ending ${step.id} help=${step.help} read=${step.read} back=${step.back ?? ''} do=${step.doNow.length} not=${step.doNot.length}`;
}

/** Reports each step of a translation that differs in structure from en.md. */
export function compareFlows(
  english: HelpFlow,
  steps: readonly FlowStep[],
  places: FlowPlaces,
  bodyLine: number,
  report: Report,
): void {
  const ids = english.steps.map((step) => step.id);
  const own = steps.map((step) => step.id);
  if (ids.join(' ') !== own.join(' ')) {
    const wrong = own.find((id, index) => id !== ids[index]);
    report(
      ...where(places, wrong ?? '', bodyLine),
      `the steps must be those of en.md, in the same order: ${ids.join(', ')}`,
    );
  }
  const source = new Map(english.steps.map((step) => [step.id, step]));
  for (const step of steps) {
    const original = source.get(step.id);
    if (!original || shape(original) === shape(step)) continue;
    const what =
      original.kind !== step.kind
        ? `is a${original.kind === 'ending' ? 'n ending' : ' question'} in en.md`
        : original.kind === 'question'
          ? `must have the answers of en.md, leading to the same steps in the same order (${shape(original).split('→ ')[1]})`
          : `must keep the ":::" line of en.md and as many things to do and not to do (${original.doNow.length} and ${original.doNot.length})`;
    report(
      ...where(places, step.id, bodyLine),
      `step "${step.id}" ${what}: only en.md decides where a flow leads`,
    );
  }
}
