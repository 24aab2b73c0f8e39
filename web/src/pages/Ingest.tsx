/**
 * Paste an article's text, or give its URL, and store it (needs the server's token). One
 * article stored opens in the reader (`#/article/ID`); several are listed by title (else by
 * their lead's first words, past a dateline: `headline`, as search and the CLI name them), each
 * linking to its reader view. A refused input is said
 * in an alert with the server's reason and rule id, as text; the pasted text stays for editing.
 */
import { useState } from 'preact/hooks';
import { post } from '../api.ts';
import { Src } from '../components/Src.tsx';
import { ErrorText } from '../components/Status.tsx';
import { reasonExplained } from '../../../src/i18n/reasons.ts';
import { headline } from '../../../src/text/headline.ts';
import { lang, t, tryT } from '../i18n.ts';
import { href, navigate } from '../router.ts';

interface Item {
  id?: string;
  status?: string;
  title?: string;
  /** An untitled article's lead, past its dateline (what it is named by, as everywhere). */
  lead?: string;
  error?: string;
  ruleId?: string;
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
    setItems([]);
    try {
      sessionStorage.setItem(TOKEN_KEY, token);
      const body = url.trim() ? { url: url.trim() } : { text };
      const r = await post<{ items: Item[] }>('/api/ingest', JSON.stringify(body), {
        type: 'application/json',
        token,
      });
      setItems(r.items);
      // One article stored: open it in the reader.
      const only = r.items.length === 1 ? r.items[0] : undefined;
      if (only?.id && !only.error) navigate(href(['article', only.id]));
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
      {items.some((it) => it.error) ? (
        <div class="error" role="alert">
          <p>{t('ingestRefused')}</p>
          <ul class="refused">
            {items.map((it, i) =>
              it.error ? (
                <li key={i}>
                  {/* In Arabic, what the rule means before the server's English reason (polish11). */}
                  {it.ruleId && reasonExplained(it.ruleId, lang()) ? (
                    <span class="reason-ar">{reasonExplained(it.ruleId, lang())}: </span>
                  ) : null}
                  <bdi lang="en" dir="ltr">
                    {it.error}
                  </bdi>
                  {it.ruleId ? (
                    <>
                      {' '}
                      <code dir="ltr">{it.ruleId}</code>
                    </>
                  ) : null}
                </li>
              ) : null,
            )}
          </ul>
        </div>
      ) : null}
      {items.some((it) => it.id && !it.error) ? (
        <ul class="results" aria-live="polite">
          {items.map((it, i) =>
            it.id && !it.error ? (
              <li key={i}>
                <a href={href(['article', it.id])}>
                  <Src>{it.title || (it.lead ? headline(it.lead) : it.id)}</Src>
                </a>{' '}
                ({statusText(it.status)})
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
    </div>
  );
}
