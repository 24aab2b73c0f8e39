/** Paste an article's text, or give its URL, and store it (needs the server's token). */
import { useState } from 'preact/hooks';
import { post } from '../api.ts';
import { Src } from '../components/Src.tsx';
import { ErrorText } from '../components/Status.tsx';
import { t, tryT } from '../i18n.ts';
import { href } from '../router.ts';

interface Item {
  id?: string;
  status?: string;
  title?: string;
  error?: string;
}

const TOKEN_KEY = 'khabar.token';

/** A store answer (inserted, duplicate, …) in the interface language. */
function statusText(status: string | undefined): string {
  return status === undefined ? '' : (tryT(`st_${status}`) ?? status);
}

export function IngestPage({ enabled }: { enabled: boolean }) {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [items, setItems] = useState<Item[]>([]);
  if (!enabled)
    return (
      <p class="muted">
        {t('ingestDisabledA')} <code dir="ltr">khabar serve</code> {t('ingestDisabledB')}{' '}
        <code dir="ltr">KHABAR_TOKEN</code> {t('ingestDisabledC')}
      </p>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
      const body = url.trim() ? { url: url.trim() } : { text };
      const r = await post<{ items: Item[] }>('/api/ingest', JSON.stringify(body), {
        type: 'application/json',
        token,
      });
      setItems(r.items);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="ingest">
      <h1>{t('ingest')}</h1>
      <form onSubmit={submit}>
        <label for="token">{t('token')}</label>
        <input
          id="token"
          type="password"
          dir="ltr"
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          required
        />
        <label for="text">{t('articleText')}</label>
        <textarea
          id="text"
          lang="ar"
          dir="rtl"
          rows={12}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        <label for="url">{t('orUrl')}</label>
        <input
          id="url"
          type="url"
          dir="ltr"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
          placeholder="https://…"
        />
        <button type="submit" disabled={busy || (!text.trim() && !url.trim())}>
          {busy ? t('adding') : t('add')}
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          <ErrorText error={error} />
        </p>
      ) : null}
      {items.length ? (
        <ul class="results" aria-live="polite">
          {items.map((it, i) => (
            <li key={i}>
              {it.error ? (
                <span class="error">
                  <bdi lang="en" dir="ltr">
                    {it.error}
                  </bdi>
                </span>
              ) : (
                <a href={href(['article', it.id ?? ''])}>
                  {it.title ? <Src>{it.title}</Src> : it.id} ({statusText(it.status)})
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
