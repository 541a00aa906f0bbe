/**
 * `npm start` as a newcomer runs it: a short log that ends with the address, and the app there.
 * Built from the small test course into a folder of its own, served on a free loopback port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const out = mkdtempSync(path.join(tmpdir(), 'start-'));
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill();
  rmSync(out, { recursive: true, force: true });
});

/** Starts the app as `npm start` does and resolves to everything it printed once it gives an address. */
function start(): Promise<string> {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/tools/build.ts', '--preview', '--port', '0', '--outDir', out],
    {
      env: { ...process.env, LESSONS_DIR: 'tests/fixtures/course-valid' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      if (/http:\/\/\S+\/\s*$/.test(printed)) resolve(printed);
    };
    child?.stdout?.on('data', read);
    child?.stderr?.on('data', read);
    child?.on('exit', (code) => reject(new Error(`npm start ended (${code}):\n${printed}`)));
  });
}

it('prints a short log that ends with the address, where the app is', async () => {
  const printed = await start();
  const lines = printed.trim().split('\n');
  expect(lines.length).toBeLessThanOrEqual(4);
  const address = (lines.at(-1) as string).trim();
  expect(address).toMatch(/^http:\/\/localhost:\d+\/$/);
  const page = await fetch(address);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="app"');
}, 120_000);
