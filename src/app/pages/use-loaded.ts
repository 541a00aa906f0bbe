/**
 * Loading something a page needs, for pages loaded after the first one. `useCourse` (hooks.ts) does
 * the same for the course; it keeps its own few lines because it is on the first page a learner
 * opens, whose JavaScript budget has no room for the general form.
 */
import { useEffect, useState } from 'preact/hooks';

/**
 * What `load` resolves to: null while it loads, `failed` when it could not (offline before it was
 * saved). Loaded again when `deps` change; a load that settles after that is ignored.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): T | null | 'failed' {
  const [value, setValue] = useState<T | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setValue(null);
    load().then(
      // As a function, so that a loaded value is never taken for an update.
      (loaded) => live && setValue(() => loaded),
      () => live && setValue('failed'),
    );
    return () => {
      live = false;
    };
  }, deps);
  return value;
}
