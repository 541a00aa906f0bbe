/**
 * What the app names its things on the phone: the app's own names in the default build (so earlier
 * progress stays), only the profile's neutral name in a disguise.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Names = typeof import('../../src/shared/names.ts');

/** The module as a build with `storageName` (or none) defines it. */
async function namesIn(storageName?: string): Promise<Names> {
  vi.resetModules();
  if (storageName !== undefined) vi.stubGlobal('__STORAGE_NAME__', storageName);
  return import('../../src/shared/names.ts');
}

describe('names kept on the phone', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("are the app's own in the default build", async () => {
    const names = await namesIn();
    expect(names.STORAGE_NAME).toBe('safe-online');
    expect(names.storageKey('safe-online.quick-exit', 1)).toBe('safe-online.quick-exit');
    expect(names.EXPORT_FILE_NAME).toBe('progress');
  });

  it("are only the profile's neutral name, numbered, in a disguise", async () => {
    const names = await namesIn('notes');
    expect(names.STORAGE_NAME).toBe('notes');
    expect(names.storageKey('safe-online.quick-exit', 1)).toBe('notes-1');
    expect(names.storageKey('safe-online.private', 2)).toBe('notes-2');
    expect(names.EXPORT_FILE_NAME).toBe('notes');
  });
});
