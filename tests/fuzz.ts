/**
 * Helpers for the property-based (fuzz) tests: a worker thread that runs the code under test with a
 * watchdog, so an input that makes it loop forever fails the test instead of freezing the run, and
 * the fast-check settings every fuzz test shares.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What one call did: returned a value, threw, or was still running when the watchdog stopped it. */
export type Outcome<T> =
  | { kind: 'returned'; value: T }
  | { kind: 'threw'; error: string }
  | { kind: 'hung'; ms: number };

/**
 * The worker's code. It loads the TypeScript module with tsx (the worker does not go through
 * Vitest's transform), then runs each call it is sent and posts back the outcome.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const describe = (error) => String((error && error.stack) || error);
import(workerData.tsx)
  .then(({ register }) => {
    register();
    return import(workerData.module);
  })
  .then((target) => {
    parentPort.on('message', async ({ id, name, args }) => {
      let outcome;
      try {
        outcome = { id, kind: 'returned', value: await target[name](...args) };
      } catch (error) {
        outcome = { id, kind: 'threw', error: describe(error) };
      }
      try {
        parentPort.postMessage(outcome);
      } catch (error) {
        parentPort.postMessage({ id, kind: 'threw', error: 'the result cannot be copied: ' + describe(error) });
      }
    });
    parentPort.postMessage({ ready: true });
  })
  .catch((error) => parentPort.postMessage({ failed: describe(error) }));
`;

/**
 * Where tsx's ESM `register` is. `require.resolve` would give its CommonJS twin, which does not
 * work here, so the path is read from the package's exports.
 */
function tsxRegisterUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: { './esm/api': { import: { default: string } } };
  };
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api'].import.default)).href;
}

interface Reply {
  id?: number;
  ready?: true;
  failed?: string;
  kind?: 'returned' | 'threw';
  value?: unknown;
  error?: string;
}

/**
 * Calls functions exported by one module, in a worker thread, one call at a time. A call that takes
 * longer than `timeoutMs` ends the worker (a new one starts for the next call) and is reported as
 * `hung`. Starting the worker (about a second) does not count against the timeout.
 */
export class Watchdog {
  private worker: Promise<Worker> | undefined;
  private nextId = 0;

  constructor(
    private readonly module: string,
    private readonly timeoutMs: number,
  ) {}

  private start(): Promise<Worker> {
    const tsx = tsxRegisterUrl();
    const worker = new Worker(WORKER, { eval: true, workerData: { tsx, module: this.module } });
    return new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        worker.off('message', onMessage);
        worker.off('error', reject);
        if (reply.ready) resolve(worker);
        else reject(new Error(`the fuzz worker could not load ${this.module}: ${reply.failed}`));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  }

  async call<T>(name: string, ...args: unknown[]): Promise<Outcome<T>> {
    this.worker ??= this.start();
    const worker = await this.worker;
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        finish();
        resolve(
          reply.kind === 'returned'
            ? { kind: 'returned', value: reply.value as T }
            : { kind: 'threw', error: String(reply.error) },
        );
      };
      const onError = (error: Error) => {
        finish();
        this.worker = undefined;
        reject(error);
      };
      const timer = setTimeout(() => {
        finish();
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: 'hung', ms: Math.round(performance.now() - started) });
      }, this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, name, args });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }
}

/** FUZZ_SCALE multiplies the number of runs, e.g. FUZZ_SCALE=20 for a long run before a release. */
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const SCALE = Number.isFinite(scale) && scale > 0 ? scale : 1;

/** Settings for `fc.assert`: `numRuns` times FUZZ_SCALE; FUZZ_SEED replays the seed a failure printed. */
export function fuzzSettings(numRuns: number): { numRuns: number; seed?: number } {
  const runs = Math.max(1, Math.round(numRuns * SCALE));
  const seed = process.env.FUZZ_SEED;
  return seed ? { numRuns: runs, seed: Number(seed) } : { numRuns: runs };
}

/** A test's time limit, grown with FUZZ_SCALE. */
export function fuzzTimeout(ms: number): number {
  return Math.round(ms * Math.max(1, SCALE));
}

/** The outcome's value; anything else fails the property with the input's own description. */
export function returned<T>(outcome: Outcome<T>): T {
  if (outcome.kind === 'returned') return outcome.value;
  if (outcome.kind === 'threw') throw new Error(`threw instead of reporting a problem:\n${outcome.error}`);
  throw new Error(`still running after ${outcome.ms} ms: stopped by the watchdog`);
}
