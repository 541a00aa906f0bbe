/** Saving progress to a file and reading it back, merged with what this phone holds. */
import {
  type ImportProblem,
  mergeProgress,
  readProgressFile,
  toProgressFile,
} from '../../shared/progress-file';
import { progressChanged, progressStore } from '../progress';

/** Offers the learner's progress as a JSON file download. */
export async function exportProgress(): Promise<void> {
  const store = await progressStore();
  const data = toProgressFile(await store.snapshot(), new Date());
  const blob = new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `safe-online-progress-${data.exportedAt.slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Reads a chosen file and merges it in; resolves to the problem when the file is refused. */
export async function importProgress(file: File): Promise<ImportProblem | 'failed' | null> {
  // The size is checked before reading, so a huge file is never loaded into memory.
  const read = readProgressFile(file.size > 5 * 1024 * 1024 ? '' : await file.text(), file.size);
  if (!read.ok) return read.problem;
  try {
    const store = await progressStore();
    await store.replaceAll(mergeProgress(await store.snapshot(), read.data));
  } catch {
    return 'failed';
  }
  progressChanged();
  return null;
}
