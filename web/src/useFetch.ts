/** Loads JSON for a page; re-runs when `key` changes; ignores answers to stale requests. */
import { useEffect, useState } from 'preact/hooks';

export function useFetch<T>(
  key: string,
  load: () => Promise<T>,
): { data?: T; error?: Error; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
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
  }, [key]);
  return state;
}
