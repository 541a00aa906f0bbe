/**
 * The summary of a help-now flow a learner reads to a helpline or copies into a message: the
 * situation, each question with the answer chosen, and the steps of the ending. Stored only when
 * the learner saves it (see HelpNowSave.tsx).
 */
import type { TFunction } from 'i18next';
import { type HelpFlow, stepOf } from '../../shared/help-flows';

/** The plain-text summary of `flow` after the answers `path` (step ids, the ending last), in `flow`'s words. */
export function flowSummary(flow: HelpFlow, path: readonly string[], t: TFunction): string {
  const lines = [`${t('helpNow.summary.situation')} ${flow.title}`, '', t('helpNow.summary.answers')];
  path.forEach((id, index) => {
    const step = stepOf(flow, id);
    const next = path[index + 1];
    if (step?.kind !== 'question' || next === undefined) return;
    const answer = step.answers.find((candidate) => candidate.to === next);
    lines.push(`- ${step.text} ${answer?.text ?? ''}`.trimEnd());
  });
  const ending = stepOf(flow, path[path.length - 1] ?? '');
  if (ending?.kind === 'ending') {
    lines.push('', `${t('helpNow.summary.steps')} ${ending.title}`);
    for (const [index, action] of ending.doNow.entries()) lines.push(`${index + 1}. ${action.text}`);
  }
  return lines.join('\n');
}

/** Copies `text`; where the Clipboard API is missing (a plain-http workshop address), selects and copies. */
export async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    const range = document.createRange();
    range.selectNodeContents(fallback);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    return document.execCommand('copy');
  }
}
