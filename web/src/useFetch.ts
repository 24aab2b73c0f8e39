/**
 * Loads JSON for a page; re-runs when `key` changes, and when the archive may have changed under
 * the page: a click on a link to the page already shown (the hash does not change, so the route
 * does not either) or the tab coming back into view. While it reloads, the page keeps what it
 * shows. Answers to stale requests are ignored.
 */
import { useEffect, useState } from 'preact/hooks';

let generation = 0;
const listeners = new Set<(g: number) => void>();

/** Asks every mounted page to load its data again. */
export function refreshAll(): void {
  generation++;
  for (const l of listeners) l(generation);
}

if (typeof document !== 'undefined') {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
    const to = a?.getAttribute('href');
    if (to === undefined || to === null) return;
    const here = location.hash === '' ? '#/' : location.hash;
    if ((to === '#' ? '#/' : to) === here) refreshAll();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') refreshAll();
  });
}

export function useFetch<T>(
  key: string,
  load: () => Promise<T>,
): { data?: T; error?: Error; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [gen, setGen] = useState(generation);
  useEffect(() => {
    listeners.add(setGen);
    return () => {
      listeners.delete(setGen);
    };
  }, []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (e: Error) => live && setState({ error: e, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, gen]);
  return state;
}
