/**
 * The names the app keeps things under on the phone: its database, key bucket, caches, stored
 * flags and progress files. A disguise's site profile sets a neutral one at build time
 * (`__STORAGE_NAME__`, see vite.config.ts), so that nothing on the phone is named after the app;
 * the default profile keeps the names earlier versions used, so their progress stays.
 */
declare const __STORAGE_NAME__: string | undefined;

/** True in a build whose profile gives neutral names (only those builds define the name). */
const NEUTRAL = typeof __STORAGE_NAME__ === 'string';

/** The name of this build's database, key bucket, caches and progress files. */
export const STORAGE_NAME: string = NEUTRAL ? (__STORAGE_NAME__ as string) : 'safe-online';

/**
 * The key of a flag in local or session storage: its own name in the default profile (as earlier
 * versions wrote it), a numbered one after the neutral name in a disguise.
 */
export function storageKey(key: string, number: number): string {
  return NEUTRAL ? `${STORAGE_NAME}-${number}` : key;
}

/** How an exported progress file's name begins: "progress" in the default profile, else the neutral name. */
export const EXPORT_FILE_NAME: string = NEUTRAL ? STORAGE_NAME : 'progress';
