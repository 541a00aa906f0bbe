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

/** The course in `locale`; `failed` when it could not be loaded (offline before it was saved). */
export function useCourse(locale: string): Course | null | 'failed' {
  const [course, setCourse] = useState<Course | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setCourse(null);
    loadCourse(locale).then(
      (loaded) => live && setCourse(loaded),
      () => live && setCourse('failed'),
    );
    return () => {
      live = false;
    };
  }, [locale]);
  return course;
}

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
