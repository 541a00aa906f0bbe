/** The shell: header with navigation, notices, and the page for the current route. */
import { useEffect } from 'preact/hooks';
import { setLanguage, t } from '../i18n';
import { AppBar } from './components/AppBar';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { lazyPage } from './components/Lazy';
import { Notices, OfflineNotice } from './components/Notices';
import { useLanguage } from './hooks';
import { HomePage } from './pages/Home';
import { LessonPage } from './pages/Lesson';
import { erased } from './progress';
import { quickExit } from './quick-exit';
import { href, type Route, useRoute } from './router';
import { useObservable } from './state';

const ProgressPage = lazyPage(() => import('./pages/Progress').then((module) => module.default));
const ReviewPage = lazyPage(() => import('./pages/Review').then((module) => module.default));
const SearchPage = lazyPage(() => import('./pages/Search').then((module) => module.default));
const WorkshopsPage = lazyPage(() => import('./pages/Workshops').then((module) => module.default));
const SharePage = lazyPage(() => import('./pages/Share').then((module) => module.default));
const PresentPage = lazyPage(() => import('./pages/Present').then((module) => module.default));
const SettingsPage = lazyPage(() => import('./pages/Settings').then((module) => module.default));
const ErasePage = lazyPage(() => import('./pages/Erase').then((module) => module.default));
const GlossaryPage = lazyPage(() => import('./pages/Glossary').then((module) => module.default));
const HelpPage = lazyPage(() => import('./pages/Help').then((module) => module.default));
const HelpNowPage = lazyPage(() => import('./pages/HelpNow').then((module) => module.default));
// Shown once, on first launch: not worth loading on every visit.
const ChooseLanguagePage = lazyPage(() =>
  import('./pages/ChooseLanguage').then((module) => module.ChooseLanguagePage),
);

function PageFor({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage locale={route.locale} />;
    case 'lesson':
      return <LessonPage locale={route.locale} lessonId={route.lessonId} section={route.section} />;
    case 'progress':
      return <ProgressPage locale={route.locale} />;
    case 'review':
      return <ReviewPage locale={route.locale} />;
    case 'settings':
      return <SettingsPage route={route} />;
    case 'search':
      return <SearchPage locale={route.locale} />;
    case 'present':
      return <PresentPage locale={route.locale} lessonId={route.lessonId} />;
    case 'workshops':
      return <WorkshopsPage locale={route.locale} planId={route.planId} />;
    case 'share':
      return <SharePage locale={route.locale} />;
    case 'erase':
      return <ErasePage locale={route.locale} />;
    case 'glossary':
      return <GlossaryPage locale={route.locale} termId={route.termId} />;
    case 'help':
      return <HelpPage locale={route.locale} />;
    case 'help-now':
      return <HelpNowPage locale={route.locale} country={route.country} />;
    default:
      return <LessonPage locale={route.locale} lessonId="" />;
  }
}

export function App() {
  const route = useRoute();
  const language = useLanguage();
  const wiped = useObservable(erased);
  useEffect(() => {
    if (route && route.locale !== language) void setLanguage(route.locale);
  }, [route?.locale, language]);

  if (wiped) {
    return (
      <main id="main" class="page">
        <h1>{t('data.erased')}</h1>
        <button type="button" class="button" onClick={() => location.replace(location.pathname)}>
          {t('data.startAgain')}
        </button>
      </main>
    );
  }
  if (!route) {
    return (
      <>
        <AppBar>
          <span class="brand">{t('app.name')}</span>
          <p class="safety">
            <QuickExit />
          </p>
        </AppBar>
        <main id="main" tabIndex={-1}>
          <ChooseLanguagePage />
        </main>
      </>
    );
  }
  const home = href(route.locale, { page: 'home' });
  const current = (page: Route['page']) => (route.page === page ? 'page' : undefined);
  return (
    <>
      <button type="button" class="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        {t('app.skip')}
      </button>
      <AppBar>
        <a class="brand" href={home}>
          {t('app.name')}
        </a>
        {/* Shown only when the page links do not fit (styles.css): they fold into this menu. */}
        <button type="button" class="menu-button" popovertarget="menu">
          {t('nav.menu')}
        </button>
        {/* A new page (or language) opens with the menu closed: a new route makes a new menu. */}
        <div id="menu" class="menu" popover="auto" key={location.hash}>
          <LanguageSwitcher route={route} />
          <nav aria-label={t('nav.label')}>
            {(['home', 'search', 'review', 'progress'] as const).map((page) => (
              <a key={page} href={href(route.locale, { page })} aria-current={current(page)}>
                {t(`nav.${page}`)}
              </a>
            ))}
          </nav>
        </div>
        <p class="safety">
          {/* Beside the way out, so that first aid is one tap away at every scroll position. */}
          <a
            class="help-now-link"
            href={href(route.locale, { page: 'help-now' })}
            aria-current={current('help-now')}
          >
            {t('nav.helpNow')}
          </a>
          <a href={href(route.locale, { page: 'erase' })} aria-current={current('erase')}>
            {t('nav.erase')}
          </a>
          <QuickExit />
        </p>
      </AppBar>
      <Notices />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={location.hash} homeHref={home}>
          <PageFor route={route} />
        </ErrorBoundary>
      </main>
      <OfflineNotice />
      <footer class="app-footer">
        <nav aria-label={t('nav.more')}>
          {(['help', 'glossary', 'workshops', 'share', 'settings'] as const).map((page) => (
            <a key={page} href={href(route.locale, { page })} aria-current={current(page)}>
              {t(`nav.${page}`)}
            </a>
          ))}
        </nav>
      </footer>
    </>
  );
}

/** On every page: leaves the app at once for a blank page (Escape three times does the same). */
function QuickExit() {
  return (
    <button type="button" class="quick-exit" onClick={quickExit}>
      {t('nav.quickExit')}
    </button>
  );
}
