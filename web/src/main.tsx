/** The khabar web app: Arabic, right-to-left, hash-routed; the graph page loads on demand. */
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import './style.css';
import type { ComponentType } from 'preact';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, type Health } from './api.ts';
import { ArticlePage } from './pages/Article.tsx';
import { EntityPage } from './pages/Entity.tsx';
import { IngestPage } from './pages/Ingest.tsx';
import { SearchPage } from './pages/Search.tsx';
import { TimelinePage } from './pages/Timeline.tsx';
import { href, type Route, useRoute } from './router.ts';

type RouteProps = { route: Route };

/** The relations page pulls in cytoscape, so it is a separate chunk loaded on first visit. */
function LazyRelations(props: RouteProps) {
  const [Page, setPage] = useState<ComponentType<RouteProps> | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    import('./pages/Relations.tsx')
      .then((m) => setPage(() => m.RelationsPage))
      .catch((e: Error) => setError(e.message));
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        تعذّر تحميل صفحة العلاقات: {error}
      </p>
    );
  return Page ? <Page {...props} /> : <p class="loading">جارٍ تحميل شبكة العلاقات…</p>;
}

function Nav({ route, health }: { route: Route; health: Health | undefined }) {
  const here = route.path[0] ?? 'search';
  const link = (to: string, label: string) => (
    <li>
      <a href={href([to])} aria-current={here === to ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <header class="top">
      <a class="brand" href="#/">
        خبر
      </a>
      <nav aria-label="الأقسام">
        <ul>
          {link('search', 'البحث')}
          {link('timeline', 'الخط الزمني')}
          {link('relations', 'العلاقات')}
          {health?.ingest ? link('ingest', 'إضافة خبر') : null}
        </ul>
      </nav>
    </header>
  );
}

function App() {
  const route = useRoute();
  const [health, setHealth] = useState<Health>();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    get<Health>('/api/health')
      .then(setHealth)
      .catch(() => setHealth(undefined));
  }, []);
  // Move focus to the page on navigation, so keyboard users start at the new content.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [route.path.join('/')]);
  const [page, id] = route.path;
  let body: preact.JSX.Element;
  if (page === 'article' && id) body = <ArticlePage id={id} route={route} />;
  else if (page === 'entity' && id) body = <EntityPage id={id} />;
  else if (page === 'relations') body = <LazyRelations route={route} />;
  else if (page === 'timeline') body = <TimelinePage route={route} />;
  else if (page === 'ingest') body = <IngestPage enabled={health?.ingest ?? false} />;
  else body = <SearchPage route={route} />;
  return (
    <>
      <Nav route={route} health={health} />
      <main id="main" tabIndex={-1} ref={main}>
        {body}
      </main>
      <footer class="foot">
        <p>
          خبر — أرشيف عربي منظَّم للأخبار · <a href="/api/openapi.json">واجهة البرمجة</a> ·{' '}
          <a href="/api/feeds/briefs.atom">خلاصة Atom</a>
        </p>
      </footer>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
