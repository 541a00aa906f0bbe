/** Content errors: every problem in a lesson, reported as `path:line:col: message`. */

export interface ContentError {
  /** Path of the file as the author would type it (relative to the working folder). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  col: number;
  message: string;
}

/** One error as an author reads it, in the form editors and terminals turn into links. */
export function formatError(error: ContentError): string {
  return `${error.file}:${error.line}:${error.col}: ${error.message}`;
}

/** Sorts errors by file, then position, so the output reads top to bottom. */
export function sortErrors(errors: ContentError[]): ContentError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** Thrown by the build when lessons have errors; its message lists all of them. */
export class ContentErrors extends Error {
  constructor(
    readonly errors: ContentError[],
    where = 'the lessons',
  ) {
    const lines = sortErrors(errors).map(formatError);
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${where}:\n${lines.join('\n')}`);
    this.name = 'ContentErrors';
  }
}
