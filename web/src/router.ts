/**
 * Hash routing with the page's filters in the URL: `#/search?q=…&country=IRN`.
 * Hashes that do not start with `#/` (in-page anchors such as the skip link) are not routes.
 */
import { useLayoutEffect, useState } from 'preact/hooks';

export interface Route {
  path: string[];
  params: URLSearchParams;
  /** The hash this route was read from (`#/` for none): <main data-route> once it is rendered. */
  hash: string;
}

export function parseHash(hash: string): Route | undefined {
  if (!hash.startsWith('#/'))
    return hash === '' || hash === '#' ? { path: [], params: new URLSearchParams(), hash: '#/' } : undefined;
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
    hash,
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
    () => parseHash(location.hash) ?? { path: [], params: new URLSearchParams(), hash: '#/' },
  );
  // A layout effect, run as the app mounts: a plain effect waited for the next frame, and a hash
  // change before it (a link clicked as the page appears) was never seen. The hash is read again
  // once listening, for a change between the first render and now.
  useLayoutEffect(() => {
    const on = () => {
      const r = parseHash(location.hash);
      if (r) setRoute((cur) => (r.hash === cur.hash ? cur : r));
    };
    window.addEventListener('hashchange', on);
    on();
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
