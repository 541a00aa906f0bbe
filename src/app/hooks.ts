/** Small hooks shared by pages. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '../i18n';
import type { ProgressSummary } from '../storage';
import { type Course, loadCourse } from './course';
import { progressVersion, savedProgress } from './progress';
import { useObservable } from './state';

/**
 * Moves focus to the page's heading once it is shown, so screen readers announce the new page;
 * without scrolling, so that going back to a page keeps the place the router returned to.
 */
export function usePageHeading<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready) ref.current?.focus({ preventScroll: true });
  }, [ready]);
  return ref;
}

/** Re-renders when the interface language changes. */
export function useLanguage(): string {
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const update = (next: string) => setLanguage(next);
    i18n.on('languageChanged', update);
    return () => i18n.off('languageChanged', update);
  }, []);
  return language;
}

/**
 * What `load` resolves to: null while it loads, `failed` when it could not (offline before it was
 * saved). Loaded again when `deps` change; a load that settles after that is ignored.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): T | null | 'failed' {
  const [value, setValue] = useState<{ loaded: T } | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setValue(null);
    load().then(
      (loaded) => live && setValue({ loaded }),
      () => live && setValue('failed'),
    );
    return () => {
      live = false;
    };
  }, deps);
  return value && value !== 'failed' ? value.loaded : value;
}

/** The course in `locale`; `failed` when it could not be loaded. */
export const useCourse = (locale: string): Course | null | 'failed' =>
  useLoaded(() => loadCourse(locale), [locale]);

/** An overview of what was saved, reloaded whenever progress changes. */
export function useSavedProgress(): ProgressSummary | null {
  const version = useObservable(progressVersion);
  const [saved, setSaved] = useState<ProgressSummary | null>(null);
  useEffect(() => {
    let live = true;
    savedProgress().then((snapshot) => live && setSaved(snapshot));
    return () => {
      live = false;
    };
  }, [version]);
  return saved;
}
