/**
 * The khabar web app: Arabic right-to-left or English left-to-right (the switch in the header,
 * src/i18n.ts), hash-routed; the graph page loads on demand. Article text is always Arabic.
 */
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './style.css';
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { get, type Health } from './api.ts';
import { applyLang, type Lang, lang, setLang, t } from './i18n.ts';
import { ArticlePage } from './pages/Article.tsx';
import { EntityPage } from './pages/Entity.tsx';
import { IngestPage } from './pages/Ingest.tsx';
import { SearchPage } from './pages/Search.tsx';
import { StoriesPage, StoryPage } from './pages/Stories.tsx';
import { TimelinePage } from './pages/Timeline.tsx';
import { href, type Route, useRoute } from './router.ts';

type RouteProps = { route: Route };

/** The relations page pulls in cytoscape, so it is a separate chunk loaded on first visit. */
function LazyRelations(props: RouteProps) {
  const [Page, setPage] = useState<ComponentType<RouteProps> | null>(null);
  const [error, setError] = useState<Error>();
  useEffect(() => {
    import('./pages/Relations.tsx')
      .then((m) => setPage(() => m.RelationsPage))
      .catch((e: Error) => setError(e));
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        {t('relationsFailed')}{' '}
        <bdi lang="en" dir="ltr">
          {error.message}
        </bdi>
      </p>
    );
  return Page ? <Page {...props} /> : <p class="loading">{t('relationsLoading')}</p>;
}

/** A route no page answers: say so and lead back, rather than show the search page unasked. */
function NoSuchPage() {
  return (
    <p class="error" role="alert" data-not-found="route">
      {t('noSuchPage')} <a href="#/search">{t('backToSearch')}</a>
    </p>
  );
}

function Nav({
  route,
  health,
  onLang,
}: {
  route: Route;
  health: Health | undefined;
  onLang: (l: Lang) => void;
}) {
  const here = route.path[0] ?? 'search';
  const link = (to: string, label: string) => (
    <li>
      <a
        href={href([to])}
        aria-current={here === to ? 'page' : undefined}
        // on a phone the links scroll sideways in one line: the one tabbed to is brought in whole
        onFocus={(e) => e.currentTarget.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })}
      >
        {label}
      </a>
    </li>
  );
  return (
    <header class="top">
      <a class="brand" href="#/">
        {t('brand')}
      </a>
      <nav aria-label={t('sections')}>
        <ul>
          {link('search', t('search'))}
          {link('timeline', t('timeline'))}
          {link('stories', t('stories'))}
          {link('relations', t('relations'))}
          {health?.ingest ? link('ingest', t('ingest')) : null}
        </ul>
      </nav>
      <button
        type="button"
        class="lang-switch"
        lang={lang() === 'ar' ? 'en' : 'ar'}
        aria-label={t('switchLabel')}
        onClick={() => onLang(lang() === 'ar' ? 'en' : 'ar')}
      >
        {t('switchTo')}
      </button>
    </header>
  );
}

function App() {
  const route = useRoute();
  const [health, setHealth] = useState<Health>();
  const [uiLang, setUiLang] = useState<Lang>(lang());
  const switchLang = (l: Lang) => {
    setLang(l);
    setUiLang(l);
  };
  const main = useRef<HTMLElement>(null);
  // Escape folds an open disclosure the focus is in (the timeline's «outside the axis» and
  // «undated» lists) and leaves the focus on its summary, as it does for the reader's event panel.
  useEffect(() => {
    const onKey = (k: KeyboardEvent) => {
      if (k.key !== 'Escape' || k.defaultPrevented) return;
      const open = document.activeElement?.closest('details[open]');
      if (!(open instanceof HTMLDetailsElement)) return;
      k.preventDefault();
      open.open = false;
      open.querySelector<HTMLElement>(':scope > summary')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    get<Health>('/api/health')
      .then(setHealth)
      .catch(() => setHealth(undefined));
  }, []);
  // Move focus to the page on navigation, so keyboard users start at the new content. A layout
  // effect: it runs as the page is put in, before any keystroke is handled. A plain effect ran
  // after the next frame and took the focus from a box the user had already clicked into.
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [route.path.join('/')]);
  const [page, id] = route.path;
  let body: preact.JSX.Element;
  if (page === 'article' && id) body = <ArticlePage id={id} route={route} />;
  else if (page === 'entity' && id) body = <EntityPage id={id} route={route} />;
  else if (page === 'relations') body = <LazyRelations route={route} />;
  else if (page === 'timeline') body = <TimelinePage route={route} />;
  else if (page === 'stories' && id) body = <StoryPage id={id} />;
  else if (page === 'stories') body = <StoriesPage route={route} />;
  else if (page === 'ingest') body = <IngestPage enabled={health?.ingest ?? false} />;
  else if (page === undefined || page === 'search') body = <SearchPage route={route} />;
  else body = <NoSuchPage />;
  return (
    <>
      <Nav route={route} health={health} onLang={switchLang} />
      {/* Keyed on the language: the page remounts and fetches again (English glosses). */}
      {/* data-route: the hash whose page is rendered — set in the same render as the page, so a
          script (or a test) that sees it knows the page's boxes hold what that route gives. */}
      <main id="main" tabIndex={-1} ref={main} key={uiLang} data-route={route.hash}>
        {body}
      </main>
      <footer class="foot">
        <p>
          {t('footer')} · <a href="/api/openapi.json">{t('api')}</a> ·{' '}
          <a href="/api/feeds/briefs.atom">{t('feed')}</a>
        </p>
      </footer>
    </>
  );
}

const root = document.getElementById('app');
applyLang();
if (root) render(<App />, root);
