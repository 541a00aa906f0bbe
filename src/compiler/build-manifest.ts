/**
 * Vite's build manifest (`.vite/manifest.json`) names every source module, so every lesson: it
 * must never ship. This plugin moves it out of the build, next to it, where `npm run size` and
 * `npm run bench` still read it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the manifest of the build in `dist` is kept: a hidden file beside that folder. */
export function manifestPath(dist: string): string {
  const full = path.resolve(dist);
  return path.join(path.dirname(full), `.${path.basename(full)}.manifest.json`);
}

/** Moves `.vite/manifest.json` out of the finished build. */
export function buildManifestPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'build-manifest-outside',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const inside = path.join(outDir, '.vite', 'manifest.json');
      if (!existsSync(inside)) return;
      mkdirSync(path.dirname(manifestPath(outDir)), { recursive: true });
      renameSync(inside, manifestPath(outDir));
      rmSync(path.join(outDir, '.vite'), { recursive: true, force: true });
    },
  };
}
