/**
 * The mark after an article's date when that date was read from the article's text (the
 * ingest found no publication date in its source): the reader and the search hits show it alike.
 */
import { t } from '../i18n.ts';

export function DateFromText() {
  return (
    <>
      {' '}
      <small class="date-from-text" title={t('dateFromTextTitle')}>
        ({t('dateFromText')})
      </small>
    </>
  );
}
