/**
 * The zip of a built site that the workshop offers partners: every file a host needs, made once at
 * start. Hidden files and folders (the bundler's own `.vite/` notes among them) are left out, and
 * so is anything a symlink would bring in from outside the build.
 */
import { readdir, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { isInside } from './request-path.ts';

/** Every regular file under `root` (a real path), relative, without hidden ones. */
export async function siteFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const found = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.'))
      .map(async (entry) => {
        const relative = path.posix.join(prefix, entry.name);
        if (entry.isDirectory()) return siteFiles(root, relative);
        if (!entry.isFile()) return [];
        return [relative];
      }),
  );
  return found.flat();
}

/** The zip of the site in `root`, as bytes. */
export async function siteZip(root: string): Promise<Buffer> {
  const real = await realpath(root);
  const files = await siteFiles(real);
  const entries = await Promise.all(
    files.map(async (file) => {
      const full = await realpath(path.join(real, file));
      return isInside(real, full) ? ([file, await readFile(full)] as const) : undefined;
    }),
  );
  return Buffer.from(zipSync(Object.fromEntries(entries.filter((entry) => entry !== undefined))));
}
