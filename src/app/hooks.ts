/** Small hooks shared by pages. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '../i18n';
import type { CourseText } from '../shared/types';
import type { ProgressSnapshot } from '../storage';
import { loadCourseText } from './course';
import { progressStore, progressVersion } from './progress';
import { useObservable } from './state';

/** Moves focus to the page's heading once it is shown, so screen readers announce the new page. */
export function usePageHeading<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready) ref.current?.focus();
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

/** Course titles in `locale` and everything saved, reloaded whenever progress changes. */
export function useCourseData(locale: string): { text: CourseText; saved: ProgressSnapshot } | null {
  const version = useObservable(progressVersion);
  const [data, setData] = useState<{ text: CourseText; saved: ProgressSnapshot } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([loadCourseText(locale), progressStore().then((store) => store.snapshot())]).then(
      ([text, saved]) => {
        if (live) setData({ text, saved });
      },
    );
    return () => {
      live = false;
    };
  }, [locale, version]);
  return data;
}
