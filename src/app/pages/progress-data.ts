/**
 * Saving progress to a file, optionally protected with a passphrase, and reading it back, merged
 * with what this phone holds.
 */
import { EXPORT_FILE_NAME } from '../../shared/names';
import {
  type ImportProblem,
  MAX_FILE_BYTES,
  mergeProgress,
  type ReadResult,
  readProgressFile,
  readProgressJson,
  toProgressFile,
} from '../../shared/progress-file';
import { isSealed, seal, type UnsealProblem, unseal } from '../../shared/sealed-file';
import { progressChanged, progressStore } from '../progress';

/** The shortest passphrase accepted for a protected file. */
export const MIN_PASSPHRASE = 8;

/** Why an import did not happen; `locked` asks for the file's passphrase. */
export type ImportOutcome = ImportProblem | UnsealProblem | 'locked' | 'failed' | null;

/** Offers the learner's progress as a JSON file download, encrypted when a passphrase is given. */
export async function exportProgress(passphrase = ''): Promise<void> {
  const store = await progressStore();
  const data = toProgressFile(await store.snapshot(), new Date());
  const text = JSON.stringify(data, null, 1);
  const body = passphrase ? await seal(text, passphrase) : text;
  const blob = new Blob([body], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${EXPORT_FILE_NAME}-${data.exportedAt.slice(0, 10)}${passphrase ? '-protected' : ''}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Reads a chosen file and merges it in. A protected file without `passphrase` resolves to
 * `locked`; any refusal changes nothing.
 */
export async function importProgress(file: File, passphrase?: string): Promise<ImportOutcome> {
  // The size is checked before reading, so a huge file is never loaded into memory.
  if (file.size > MAX_FILE_BYTES) return 'too-large';
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return 'not-json';
  }
  let read: ReadResult;
  if (isSealed(json)) {
    if (passphrase === undefined) return 'locked';
    const opened = await unseal(json, passphrase);
    if (!opened.ok) return opened.problem;
    read = readProgressFile(opened.text, file.size);
  } else {
    read = readProgressJson(json);
  }
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
