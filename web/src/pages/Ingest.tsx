/** Paste an article's text, or give its URL, and store it (needs the server's token). */
import { useState } from 'preact/hooks';
import { post } from '../api.ts';
import { href } from '../router.ts';

interface Item {
  id?: string;
  status?: string;
  title?: string;
  error?: string;
}

const TOKEN_KEY = 'khabar.token';

export function IngestPage({ enabled }: { enabled: boolean }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  if (!enabled)
    return (
      <p class="muted">
        الإضافة معطَّلة على هذا الخادم. شغِّل <code dir="ltr">khabar serve</code> مع متغيّر البيئة{' '}
        <code dir="ltr">KHABAR_TOKEN</code> لتفعيلها.
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
      const body = url.trim() ? { url: url.trim() } : { text };
      const r = await post<{ items: Item[] }>('/api/ingest', JSON.stringify(body), {
        type: 'application/json',
        token,
      });
      setItems(r.items);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="ingest">
      <h1>إضافة خبر</h1>
      <form onSubmit={submit}>
        <label for="token">رمز الخادم</label>
        <input
          id="token"
          type="password"
          dir="ltr"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          required
        />
        <label for="text">نص الخبر</label>
        <textarea
          id="text"
          rows={12}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <label for="url">أو رابط الخبر</label>
        <input
          id="url"
          type="url"
          dir="ltr"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          placeholder="https://…"
        />
        <button type="submit" disabled={busy || (!text.trim() && !url.trim())}>
          {busy ? 'جارٍ الإضافة…' : 'أضف'}
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {items.length ? (
        <ul class="results" aria-live="polite">
          {items.map((it, i) => (
            <li key={i}>
              {it.error ? (
                <span class="error">{it.error}</span>
              ) : (
                <a href={href(['article', it.id ?? ''])}>
                  {it.title ?? it.id} ({it.status})
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
