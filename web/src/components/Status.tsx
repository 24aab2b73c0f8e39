/**
 * Loading and error states. An error reads in the interface language by its HTTP status
 * (not found, bad request, server error, unreachable); the API's own detail follows, in the
 * language the API wrote it (the interface language, asked with every request; marked with its
 * `lang` and direction — as text, never markup).
 */
import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { latinRuns } from '../latinRuns.ts';
import { refreshAll } from '../useFetch.ts';

/**
 * The API's detail (or a browser's error), marked with the language it is written in. In an
 * Arabic detail, what stays Latin — a route (GET /api/articles), an id, a value as given — is
 * isolated left-to-right and marked English, so that «/api/articles» is not reordered by the
 * right-to-left text around it.
 */
export function Detail({ text, lang }: { text: string; lang: 'ar' | 'en' }) {
  if (lang !== 'ar')
    return (
      <bdi lang={lang} dir="ltr">
        {text}
      </bdi>
    );
  const parts = latinRuns(text);
  return (
    <bdi lang="ar" dir="rtl">
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <bdi key={i} lang="en" dir="ltr">
            {p.latin}
          </bdi>
        ),
      )}
    </bdi>
  );
}

/** The language of an error's message: the API's (Content-Language), else a browser's English. */
export function errorLang(error: Error): 'ar' | 'en' {
  return error instanceof ApiError ? error.lang : 'en';
}

/** fetch() itself failed (no answer at all): a TypeError in every browser («Failed to fetch», «NetworkError …», «Load failed»). */
function unreachable(error: Error): boolean {
  return (
    !(error instanceof ApiError) &&
    error instanceof TypeError &&
    /fetch|network|load failed/iu.test(error.message)
  );
}

export function ErrorText({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : 0;
  if (unreachable(error)) return <>{t('serverDown')}</>;
  // A reader who followed an old or mistyped link: say so in their language, offer the
  // way back; the API's detail (written for developers) follows, smaller.
  if (status === 404)
    return (
      <>
        {t('notFoundLong')} <a href="#/search">{t('backToSearch')}</a>{' '}
        <small class="detail">
          <Detail text={error.message} lang={errorLang(error)} />
        </small>
      </>
    );
  // A refused token is not a «bad request»: say which field to fix.
  // 502: the server fetched a link for the reader (ingest by URL) and the site failed it.
  const what =
    status === 401 || status === 403
      ? t('tokenRefused')
      : status === 502
        ? t('fetchFailed')
        : status >= 400 && status < 500
          ? t('badRequest')
          : status
            ? t('serverError')
            : t('networkError');
  return (
    <>
      {what} <Detail text={error.message} lang={errorLang(error)} />
    </>
  );
}

export function Status({ loading, error }: { loading: boolean; error?: Error | undefined }) {
  if (error)
    return (
      <p class="error" role="alert">
        <ErrorText error={error} />
        {/* The server down or failing: try the page's request again without losing the address. */}
        {!(error instanceof ApiError) || error.status >= 500 ? (
          <>
            {' '}
            <button type="button" class="retry" onClick={refreshAll}>
              {t('retry')}
            </button>
          </>
        ) : null}
      </p>
    );
  if (loading)
    return (
      <p class="loading" aria-live="polite">
        {t('loading')}
      </p>
    );
  return null;
}
