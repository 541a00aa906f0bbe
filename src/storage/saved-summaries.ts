/**
 * Help now summaries a learner chose to save: kept as one setting of the progress store, so they
 * are sealed on the disk like answers (and under the app lock's keys), gone with Erase, and never
 * in a progress file (only known settings travel, see shared/progress-file.ts), because a summary
 * may name a colleague in trouble. Loaded only by the Help now pages.
 */
import type { ProgressStore } from './progress';

/** Settings key of the saved summaries. */
// Stryker disable next-line StringLiteral: the key only needs to be the same for saving and reading, and no other setting's
export const SAVED_SUMMARIES_SETTING = 'help-now.saved-summaries';

/** The summary in one language, as it was shown. */
export interface SummaryText {
  locale: string;
  text: string;
}

/** One saved summary: which flow and ending, its situation's title, when, and its texts. */
export interface SavedSummary {
  id: string;
  flowId: string;
  endingId: string;
  /** The situation's title, in the language of the first text. */
  title: string;
  savedAt: number;
  /** The learner's language first, then English when that differs. */
  texts: SummaryText[];
}

const isText = (value: unknown): value is SummaryText =>
  typeof (value as SummaryText)?.locale === 'string' && typeof (value as SummaryText).text === 'string';

// A damaged or foreign value is skipped rather than shown: the rest still open.
function isSummary(value: unknown): value is SavedSummary {
  const summary = value as SavedSummary;
  return (
    typeof summary?.id === 'string' &&
    typeof summary.flowId === 'string' &&
    typeof summary.endingId === 'string' &&
    typeof summary.title === 'string' &&
    typeof summary.savedAt === 'number' &&
    Array.isArray(summary.texts) &&
    summary.texts.length > 0 &&
    summary.texts.every(isText)
  );
}

/** The summaries a stored value holds, newest first. */
const listed = (value: unknown): SavedSummary[] =>
  Array.isArray(value) ? value.filter(isSummary).sort((a, b) => b.savedAt - a.savedAt) : [];

/** The saved summaries, newest first. */
export async function savedSummaries(store: ProgressStore): Promise<SavedSummary[]> {
  return listed(await store.getSetting(SAVED_SUMMARIES_SETTING));
}

// Saving and deleting change the list as it is on the disk at that moment, so a summary saved in
// another tab meanwhile is kept.

/** Saves `summary` beside the others; resolves once it is written. */
export async function saveSummary(
  store: ProgressStore,
  summary: Omit<SavedSummary, 'id' | 'savedAt'>,
  now = Date.now(),
): Promise<SavedSummary> {
  const saved: SavedSummary = {
    ...summary,
    texts: summary.texts.map(({ locale, text }) => ({ locale, text })),
    // Stryker disable next-line MethodExpression: the id only needs to differ from the others': a longer random part does as well
    id: `${now.toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    savedAt: now,
  };
  await store.updateSetting(SAVED_SUMMARIES_SETTING, (value) => [saved, ...listed(value)]);
  return saved;
}

/** Deletes the summary `id`; resolves once the others are written without it. */
export async function deleteSummary(store: ProgressStore, id: string): Promise<void> {
  await store.updateSetting(SAVED_SUMMARIES_SETTING, (value) =>
    listed(value).filter((summary) => summary.id !== id),
  );
}
