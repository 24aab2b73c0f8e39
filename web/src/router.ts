/**
 * Hash routing with the page's filters in the URL: `#/search?q=…&country=IRN`.
 * Hashes that do not start with `#/` (in-page anchors such as the skip link) are not routes.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  path: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string): Route | undefined {
  if (!hash.startsWith('#/'))
    return hash === '' || hash === '#' ? { path: [], params: new URLSearchParams() } : undefined;
  const [p = '', q = ''] = hash.slice(2).split('?', 2);
  return {
    path: p
      .split('/')
      .filter(Boolean)
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      }),
    params: new URLSearchParams(q),
  };
}

/** Builds `#/a/b?k=v` from path parts and params (empty values dropped). */
export function href(path: string[], params: Record<string, string | string[] | undefined> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) if (x !== '') qs.append(k, x);
  }
  const p = path.map(encodeURIComponent).join('/');
  return `#/${p}${qs.size ? `?${qs}` : ''}`;
}

export function navigate(to: string): void {
  if (location.hash !== to) location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(
    () => parseHash(location.hash) ?? { path: [], params: new URLSearchParams() },
  );
  useEffect(() => {
    const on = () => {
      const r = parseHash(location.hash);
      if (r) setRoute(r);
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
