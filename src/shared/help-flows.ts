/**
 * "Help now" flows (lessons/help/flows/<id>/<locale>.md) as the app reads them: short questions
 * whose answers lead to another question or to an ending, and endings that say what to do now,
 * what not to do, who to contact (kinds of help of the directory) and what to read later.
 */
import type { HelpCategory } from './help';
import type { TranslationStatus } from './types';

/** One answer of a question: its words, and the step it leads to. */
export interface FlowAnswer {
  text: string;
  to: string;
}

/** A question step: `html` is the question (escaped inline HTML), `text` the same as plain text. */
export interface FlowQuestion {
  kind: 'question';
  id: string;
  html: string;
  text: string;
  /** Paragraphs after the question that explain it, as escaped HTML (may be empty). */
  more: string;
  answers: FlowAnswer[];
}

/** One thing to do or not to do: escaped HTML for the page, plain text for the summary. */
export interface FlowAction {
  html: string;
  text: string;
}

/** An ending step: what to do, what not to do, whom to contact and what to read later. */
export interface FlowEnding {
  kind: 'ending';
  id: string;
  /** The ending's heading, plain text. */
  title: string;
  /** Paragraphs before the steps, as escaped HTML (may be empty). */
  intro: string;
  doNow: FlowAction[];
  doNot: FlowAction[];
  /** Kinds of help to list from the directory, for the learner's country then international. */
  help: HelpCategory[];
  /** Lesson ids to read later. */
  read: string[];
  /** A question this ending offers to go back to (the only way a flow may lead back). */
  back?: string;
}

export type FlowStep = FlowQuestion | FlowEnding;

/** One flow in one language; the first step is where it starts. */
export interface HelpFlow {
  id: string;
  locale: string;
  title: string;
  summary: string;
  /** The first steps printed on the help card, whatever the answers (two or three). */
  card: FlowAction[];
  steps: FlowStep[];
  translation?: { status: TranslationStatus; stale: boolean };
}

/** The step of a flow with `id`. */
export function stepOf(flow: HelpFlow, id: string): FlowStep | undefined {
  return flow.steps.find((step) => step.id === id);
}
