/**
 * Loading and error states. An error reads in the interface language by its HTTP status
 * (not found, bad request, server error, unreachable); the API's own detail follows in
 * English (`lang="en"`), as the API writes it.
 */
import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';

export function ErrorText({ error }: { error: Error }) {
  const status = error instanceof ApiError ? error.status : 0;
  // A reader who followed an old or mistyped link: say so in their language, offer the
  // way back; the API's detail (written for developers) follows, smaller.
  if (status === 404)
    return (
      <>
        {t('notFoundLong')} <a href="#/search">{t('backToSearch')}</a>{' '}
        <small class="detail">
          <bdi lang="en" dir="ltr">
            {error.message}
          </bdi>
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
      {what}{' '}
      <bdi lang="en" dir="ltr">
        {error.message}
      </bdi>
    </>
  );
}

export function Status({ loading, error }: { loading: boolean; error?: Error | undefined }) {
  if (error)
    return (
      <p class="error" role="alert">
        <ErrorText error={error} />
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
