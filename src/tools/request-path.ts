/**
 * Turns the target of an HTTP request into a file inside the served folder, or a refusal. Anyone on
 * the room's network can send the workshop server anything, so every step refuses rather than
 * guesses: malformed encoding, backslashes, NUL, dotfiles and `..` in any encoding, and files whose
 * real path (after symlinks) is not inside the folder's own real path.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file to serve, or the status and reason to refuse with. */
export type Resolved = { file: string } | { status: number; reason: string };

/** The path part of a request target, decoded, split into segments; or why it is refused. */
export function requestSegments(target: string): string[] | { status: number; reason: string } {
  // Origin-form only ("/path?query"): an absolute URL or "*" has no business here.
  if (!target.startsWith('/')) return { status: 400, reason: 'not a path' };
  const raw = target.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400, reason: 'malformed percent-encoding' };
  }
  if (/[\\\0]/.test(decoded)) return { status: 400, reason: 'backslash or NUL in the path' };
  // Decoded before splitting, so "..%2f" and "%2e%2e" are caught as the ".." they are.
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.')))
    return { status: 404, reason: 'dot segment or hidden file' };
  return segments;
}

/** True when `file` (a real path) is `root` (a real path) or inside it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}

/**
 * The real path of the file a request names inside `realRoot` (itself a real path); a folder
 * means its index.html. Missing files, folders without one and anything outside are refused.
 */
export async function resolveRequest(realRoot: string, target: string): Promise<Resolved> {
  const segments = requestSegments(target);
  if (!Array.isArray(segments)) return segments;
  let file: string;
  try {
    file = await realpath(path.join(realRoot, ...segments));
    if ((await stat(file)).isDirectory()) file = await realpath(path.join(file, 'index.html'));
  } catch {
    return { status: 404, reason: 'no such file' };
  }
  if (!isInside(realRoot, file)) return { status: 404, reason: 'outside the served folder' };
  if (!(await stat(file)).isFile()) return { status: 404, reason: 'not a file' };
  return { file };
}
