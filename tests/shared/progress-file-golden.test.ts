/**
 * Progress files saved by version 1 of the app (December 2026), plain from English, Hindi and Malay
 * learners and protected from an Urdu one, kept as they were written. Every later version must open
 * them, over the same phone, into exactly the progress listed beside each one (`*.expected.json`),
 * so no change to the format, the checks or the encryption can strand a learner's saved file.
 * Never regenerate these files: a new format version adds new ones.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { importProgress } from '../../src/app/pages/progress-data.ts';
import { progressStore } from '../../src/app/progress.ts';
import type { ProgressSnapshot } from '../../src/storage/index.ts';
import { inKeyOrder } from './merge-reference.ts';

const PASSPHRASE = 'blue kettle quiet harbour';
const fixture = (name: string) => new URL(`../fixtures/progress-files/${name}`, import.meta.url);
const json = <T>(name: string): T => JSON.parse(readFileSync(fixture(name), 'utf8')) as T;
const chosen = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/json' });

const PHONE = json<ProgressSnapshot>('phone.json');

beforeEach(async () => {
  await (await progressStore()).replaceAll(PHONE);
});

async function stored(): Promise<ProgressSnapshot> {
  return inKeyOrder(await (await progressStore()).snapshot()) as ProgressSnapshot;
}

describe('progress files saved by version 1', () => {
  it.each(['v1-en', 'v1-hi', 'v1-ms'])('%s opens into the same progress', async (name) => {
    expect(await importProgress(chosen(`${name}.json`))).toBeNull();
    expect(await stored()).toEqual(json(`${name}.expected.json`));
  });

  it('a protected one asks for its passphrase, then opens into the same progress', async () => {
    const name = 'v1-ur-protected';
    expect(await importProgress(chosen(`${name}.json`))).toBe('locked');
    expect(await importProgress(chosen(`${name}.json`), PASSPHRASE)).toBeNull();
    expect(await stored()).toEqual(json(`${name}.expected.json`));
  });

  it('a protected one refuses another passphrase and changes nothing', async () => {
    const before = await stored();
    expect(await importProgress(chosen('v1-ur-protected.json'), 'blue kettle quiet harbor')).toBe(
      'wrong-passphrase',
    );
    expect(await stored()).toEqual(before);
  });
});
