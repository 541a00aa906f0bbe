/**
 * The YAML the compiler reads (course.yaml, lesson front matter, workshop plans, site profiles):
 * parsed once, syntax errors reported in plain words, and every position given as the file's own
 * line and column.
 */
import { type Document, LineCounter, parseDocument } from 'yaml';

export type Report = (line: number, col: number, message: string) => void;

export interface YamlSource {
  doc: Document.Parsed;
  /** The file's line and column of an offset in the YAML text (a node's `range[0]`). */
  position(offset: number | undefined): { line: number; col: number };
  /** True when the text has syntax errors; each was reported. */
  failed: boolean;
}

/**
 * Parses `text`, which starts on the file's line `firstLine`, and reports its syntax errors, each
 * message after `prefix`. Lines are counted in the text itself: after a syntax error inside [ ] or
 * { }, the parser skips some line breaks, and its own count would point at the wrong line.
 */
export function parseYaml(text: string, report: Report, { firstLine = 1, prefix = '' } = {}): YamlSource {
  const doc = parseDocument(text, { prettyErrors: false });
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (const match of text.matchAll(/\n/g)) counter.addNewLine(match.index + 1);
  const position = (offset: number | undefined) => {
    const pos = counter.linePos(offset ?? 0);
    return { line: pos.line + firstLine - 1, col: pos.col };
  };
  for (const error of doc.errors) {
    const { line, col } = position(error.pos[0]);
    report(line, col, `${prefix}${yamlMessage(error.message)}`);
  }
  return { doc, position, failed: doc.errors.length > 0 };
}

/** The first sentence of a YAML error, without the library's own line and column. */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0] ?? 'invalid YAML';
  return first.replace(/ at line \d+, column \d+/, '').replace(/:\s*$/, '');
}
