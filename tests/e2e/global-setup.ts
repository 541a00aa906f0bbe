/** Before the end-to-end tests: find (or install) Chromium and build the app once. */
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../../src/tools/chromium.ts';
import { BUILD_DIR } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromePath', findChromium());
  await build({ logLevel: 'warn', build: { outDir: BUILD_DIR, emptyOutDir: true } });
}
