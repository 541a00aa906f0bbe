/**
 * The `card:` of a help-now flow: two or three short first steps that anyone in the situation
 * should take whatever the answers, printed for each flow on the one-page help card. The steps are
 * inline markdown, made safe and isolated right to left like the rest of the flow; being printed,
 * they hold no links, and being on one A4 page with every other flow's, they stay short.
 */
import type { MarkdownIt } from 'markdown-it';
import type { FlowAction } from '../shared/help-flows.ts';
import type { BidiEnv } from './bidi.ts';
import type { FlowFrontMatter } from './front-matter.ts';
import { plainText } from './help-flow-steps.ts';
import { sourceHash } from './source-hash.ts';

type Report = (line: number, col: number, message: string) => void;

/** How many first steps an English card holds. */
export const CARD_STEPS = { min: 2, max: 3 };
/** Characters a step may reach before the card no longer fits one page in every language. */
export const CARD_STEP_LENGTH = 90;

/**
 * Reads and checks a card: each step's length and links, and how many steps there are (two or
 * three in en.md; as many as en.md in a translation, given `englishCount`).
 */
export function readCard(
  card: FlowFrontMatter['card'],
  md: MarkdownIt,
  env: BidiEnv,
  report: Report,
  englishCount?: number,
): FlowAction[] {
  const steps: FlowAction[] = [];
  for (const item of card.items) {
    const children = md.parseInline(item.text, env)[0]?.children ?? [];
    const text = plainText(children);
    if (children.some((token) => token.type === 'link_open'))
      report(item.line, item.col, 'a card step is printed on paper: write it without a link');
    const length = [...text].length;
    if (length >= CARD_STEP_LENGTH)
      report(
        item.line,
        item.col,
        `this card step is ${length} characters: keep each under ${CARD_STEP_LENGTH}, so the card fits one page`,
      );
    steps.push({ html: md.renderer.renderInline(children, md.options, env), text });
  }
  const count = card.items.length;
  if (englishCount === undefined && (count < CARD_STEPS.min || count > CARD_STEPS.max))
    report(
      card.line,
      card.col,
      `"card" has ${count} steps: give ${CARD_STEPS.min} or ${CARD_STEPS.max} first steps that help whatever the answers`,
    );
  else if (englishCount !== undefined && count !== englishCount)
    report(
      card.line,
      card.col,
      `"card" has ${count} steps but en.md has ${englishCount}: translate each step of en.md, one for one`,
    );
  return steps;
}

/** The hash a flow's translations record: its title, summary, card and body, so a changed card makes them stale. */
export function flowHash(meta: Pick<FlowFrontMatter, 'title' | 'summary' | 'card'>, body: string): string {
  return sourceHash(meta.title, meta.summary, [...meta.card.items.map((item) => item.text), body].join('\n'));
}
