/**
 * The API's notes (search's, and the actor filter's on the timeline), in the interface language
 * from their code. An actor name several entities share («لاريجاني») is said with a link to
 * each of them — the same page narrowed to that one by its id — instead of a sentence of ids.
 */
import { type SearchNote, searchNoteText } from '../../../src/i18n/search-notes.ts';
import { lang, t } from '../i18n.ts';
import { Src } from './Src.tsx';

export function Notes({
  notes,
  narrow,
}: {
  notes: readonly SearchNote[];
  /** The address of the page narrowed from the actor value (as written) to the entity `id`. */
  narrow: (value: string, id: string) => string;
}) {
  const sep = lang() === 'ar' ? '، ' : ', ';
  return (
    <ul class="notes" aria-label={t('notes')}>
      {notes.map((n, i) => {
        if (n.code !== 'ambiguous-actor') return <li key={i}>{searchNoteText(n, lang())}</li>;
        // The value as the filter has it (a value with a space comes quoted, as the query writes it).
        const value = n.params.value.replace(/^"(.*)"$/u, '$1');
        const names = n.params.names.split('|');
        return (
          <li key={i} class="ambiguous-actor">
            {t('ambiguousActor').replace('{value}', value)}{' '}
            {n.params.ids.split(',').map((id, j) => (
              <span key={id}>
                {j ? sep : ''}
                <a href={narrow(value, id)}>
                  <Src>{names[j] || id}</Src>
                </a>
              </span>
            ))}
            {n.params.more ? `${sep}…` : ''}
          </li>
        );
      })}
    </ul>
  );
}
